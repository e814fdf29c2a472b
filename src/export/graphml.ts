// GraphML, read by Gephi, yEd, Cytoscape desktop, NetworkX and igraph. Keys are typed; `label`,
// `x` and `y` carry the names Gephi maps onto labels and positions.

import type { Visible } from '../filters';
import type { GraphData } from '../model';
import {
  EDGE_ATTRIBUTES,
  exportRecords,
  exportedPosition,
  NODE_ATTRIBUTES,
  type AttributeSpec,
  type AttributeType,
  type EdgeRecord,
  type NodeRecord,
} from './records';
import {
  fillSlots,
  newDocument,
  slot,
  XML_NS,
  XSI_NS,
  xmlText,
  type XMLBuilder,
  type XmlNode,
} from './xml';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const GRAPHML_SCHEMA = 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';

const GRAPHML_TYPE: Record<AttributeType, string> = {
  string: 'string',
  integer: 'int',
  double: 'double',
};

const NODE_KEYS: readonly AttributeSpec<NodeRecord>[] = [
  { name: 'label', type: 'string', value: (r) => r.label },
  ...NODE_ATTRIBUTES,
  { name: 'x', type: 'double', value: (r) => (r.position ? exportedPosition(r.position).x : null) },
  { name: 'y', type: 'double', value: (r) => (r.position ? exportedPosition(r.position).y : null) },
];

const EDGE_KEYS: readonly AttributeSpec<EdgeRecord>[] = [
  { name: 'label', type: 'string', value: (r) => r.label },
  ...EDGE_ATTRIBUTES,
];

// Key ids are document-wide XML ids while node and edge attributes share names, hence prefixes.
const keyId = (domain: 'node' | 'edge' | 'graph', name: string) => `${domain[0]}_${name}`;

function declareKeys<R>(
  root: XMLBuilder,
  domain: 'node' | 'edge',
  specs: readonly AttributeSpec<R>[],
): void {
  for (const s of specs) {
    root.ele('key', {
      id: keyId(domain, s.name),
      for: domain,
      'attr.name': s.name,
      'attr.type': GRAPHML_TYPE[s.type],
    });
  }
}

/** An element's `data` children: one per attribute with a value. */
function dataOf<R>(
  domain: 'node' | 'edge',
  specs: readonly AttributeSpec<R>[],
  record: R,
): XmlNode[] {
  const out: XmlNode[] = [];
  for (const s of specs) {
    const v = s.value(record);
    if (v !== null) out.push({ name: 'data', attrs: { key: keyId(domain, s.name) }, text: v });
  }
  return out;
}

/** The GraphML file in parts (see fillSlots); `toGraphML` joins them. */
export function graphMLParts(graph: GraphData, visible: Visible): string[] {
  const { graph: sub, nodes, edges } = exportRecords(graph, visible);
  const doc = newDocument();
  const root = doc
    .ele(GRAPHML_NS, 'graphml')
    .att(XML_NS, 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${GRAPHML_NS} ${GRAPHML_SCHEMA}`);
  for (const name of ['title', 'description']) {
    root.ele('key', {
      id: keyId('graph', name),
      for: 'graph',
      'attr.name': name,
      'attr.type': 'string',
    });
  }
  declareKeys(root, 'node', NODE_KEYS);
  declareKeys(root, 'edge', EDGE_KEYS);

  const g = root.ele('graph', { id: 'G', edgedefault: 'undirected' });
  g.ele('data', { key: keyId('graph', 'title') }).txt(xmlText(sub.data.title));
  g.ele('data', { key: keyId('graph', 'description') }).txt(xmlText(sub.data.description));
  slot(g, 'elements');
  return fillSlots(doc, {
    *elements(): Generator<XmlNode> {
      for (const n of nodes) {
        yield { name: 'node', attrs: { id: n.id }, children: dataOf('node', NODE_KEYS, n) };
      }
      for (const e of edges) {
        yield {
          name: 'edge',
          attrs: { id: e.id, source: e.source, target: e.target },
          children: dataOf('edge', EDGE_KEYS, e),
        };
      }
    },
  });
}

export function toGraphML(graph: GraphData, visible: Visible): string {
  return graphMLParts(graph, visible).join('');
}
