// GEXF 1.3, Gephi's own format: typed attributes, layout positions and each agreement's year as
// the start of its time interval, so Gephi's timeline can replay the network growing.

import type { Visible } from '../filters';
import type { GraphData } from '../model';
import {
  EDGE_ATTRIBUTES,
  exportRecords,
  exportedPosition,
  NODE_ATTRIBUTES,
  type AttributeSpec,
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

export const GEXF_NS = 'http://gexf.net/1.3';
export const GEXF_VIZ_NS = 'http://gexf.net/1.3/viz';
const GEXF_SCHEMA = 'http://gexf.net/1.3/gexf.xsd';

function declareAttributes<R>(
  graph: XMLBuilder,
  cls: 'node' | 'edge',
  specs: readonly AttributeSpec<R>[],
): void {
  const el = graph.ele('attributes', { class: cls, mode: 'static' });
  for (const s of specs) el.ele('attribute', { id: s.name, title: s.name, type: s.type });
}

/** An element's `attvalues`: one per attribute with a value. */
function valuesOf<R>(specs: readonly AttributeSpec<R>[], record: R): XmlNode {
  const children: XmlNode[] = [];
  for (const s of specs) {
    const v = s.value(record);
    if (v !== null) children.push({ name: 'attvalue', attrs: { for: s.name, value: v } });
  }
  return { name: 'attvalues', attrs: {}, children };
}

/** The GEXF file in parts (see fillSlots); `toGexf` joins them. */
export function gexfParts(graph: GraphData, visible: Visible): string[] {
  const { graph: sub, nodes, edges } = exportRecords(graph, visible);
  const doc = newDocument();
  const root = doc
    .ele(GEXF_NS, 'gexf', { version: '1.3' })
    .att(XML_NS, 'xmlns:viz', GEXF_VIZ_NS)
    .att(XML_NS, 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${GEXF_NS} ${GEXF_SCHEMA}`);
  const meta = root.ele('meta');
  meta.ele('creator').txt('Partnership Atlas');
  const about = [sub.data.title, sub.data.description].filter((s) => s !== '').join(' — ');
  meta.ele('description').txt(xmlText(about));

  // Integer time: a year is all most sources state. Undated agreements get no interval, which
  // Gephi reads as "always present", so the timeline never hides them.
  const g = root.ele('graph', {
    defaultedgetype: 'undirected',
    mode: 'dynamic',
    timeformat: 'integer',
  });
  declareAttributes(g, 'node', NODE_ATTRIBUTES);
  declareAttributes(g, 'edge', EDGE_ATTRIBUTES);

  slot(g.ele('nodes'), 'nodes');
  slot(g.ele('edges'), 'edges');
  return fillSlots(doc, {
    *nodes() {
      for (const n of nodes) {
        const children = [valuesOf(NODE_ATTRIBUTES, n)];
        if (n.position !== null) {
          // The prefix is declared on the root.
          const p = exportedPosition(n.position);
          children.push({ name: 'viz:position', attrs: { x: p.x, y: p.y, z: 0 } });
        }
        yield { name: 'node', attrs: { id: n.id, label: n.label }, children };
      }
    },
    *edges() {
      for (const e of edges) {
        const attrs: Record<string, string | number> = {
          id: e.id,
          source: e.source,
          target: e.target,
          label: e.label,
          // Gephi keeps parallel edges apart only when their kinds differ; two parties often
          // have several agreements, of different types.
          kind: e.cooperation,
        };
        if (e.year !== null) attrs.start = e.year;
        yield { name: 'edge', attrs, children: [valuesOf(EDGE_ATTRIBUTES, e)] };
      }
    },
  });
}

export function toGexf(graph: GraphData, visible: Visible): string {
  return gexfParts(graph, visible).join('');
}
