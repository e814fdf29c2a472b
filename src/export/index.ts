// Snapshot writers for the Export menu. Data formats are pure functions of the graph and the
// visible ids; images come from src/cy.

export { filteredSubgraph } from './subgraph';
export { toJson } from './json';
export { toCsvTables, NODE_COLUMNS, EDGE_COLUMNS, type CsvTables } from './csv';
export { toGexf, GEXF_NS, GEXF_VIZ_NS } from './gexf';
export { toGraphML, GRAPHML_NS } from './graphml';
export { exportFileName } from './fileName';

export type DataFormat = 'json' | 'csv' | 'gexf' | 'graphml';
