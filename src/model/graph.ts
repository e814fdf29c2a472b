// The graph file format: Cytoscape.js JSON, the form Cytoscape desktop opens.
// `GraphData` is the domain truth; Cytoscape elements are derived from it in src/cy.

import type { CooperationType, InstitutionType } from './vocabulary';

export interface Evidence {
  /** Id of an entry in `data.sources`; absent for evidence given as free text. */
  source?: string;
  /** The sentence that states the link, verbatim. */
  quote: string;
}

export interface Source {
  id: string;
  file: string;
  title: string;
  publisher: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the text states for itself, or empty. */
  date: string;
  /** Id of the institution the text is about. */
  about: string;
  note: string;
  /** The full text, so quotes can be checked and shown in context. */
  text?: string;
  url?: string;
}

export interface InstitutionData {
  id: string;
  label: string;
  /** ISO 3166-1 alpha-2, or null where the sources give none (alliances, international bodies). */
  country: string | null;
  type: InstitutionType;
  aliases: string[];
  city: string | null;
  /** Coordinates of the city, else of the country; null when neither is known. */
  lat: number | null;
  lon: number | null;
  note?: string;
}

export interface Position {
  x: number;
  y: number;
}

export interface NodeElement {
  data: InstitutionData;
  position?: Position;
}

export interface AgreementData {
  id: string;
  source: string;
  target: string;
  cooperation: CooperationType;
  /** Year the link was made, or null when no source states it. */
  year: number | null;
  /** As precise as the source allows: YYYY, YYYY-MM or YYYY-MM-DD; null when unknown. */
  date: string | null;
  description: string;
  /** Agreement id: edges of one agreement of three or more parties share it. */
  agreement: string;
  evidence: Evidence[];
}

export interface EdgeElement {
  data: AgreementData;
}

export interface GraphMeta {
  title: string;
  description: string;
  sources: Source[];
  /** The view (filters, layout…) as a query string, set by JSON exports; applied on load. */
  view?: string;
}

export interface GraphData {
  data: GraphMeta;
  elements: {
    nodes: NodeElement[];
    edges: EdgeElement[];
  };
}

/** A problem found in input, located as precisely as the input allows. */
export interface Problem {
  message: string;
  /** File name or URL of the input. */
  file?: string;
  /** 1-based row in a table (the header is row 1). */
  row?: number;
  /** Column or field name. */
  field?: string;
  /** JSON path such as `elements.edges[3].data.year`. */
  path?: string;
}

export function formatProblem(p: Problem): string {
  const where = [
    p.file,
    p.row !== undefined ? `row ${p.row}` : undefined,
    p.field !== undefined ? `field "${p.field}"` : undefined,
    p.path !== undefined && p.row === undefined ? p.path : undefined,
  ]
    .filter((x): x is string => x !== undefined && x !== '')
    .join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}
