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
  element,
  fillSlots,
  newDocument,
  slot,
  XML_NS,
  XSI_NS,
  xmlText,
  type XMLBuilder,
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

function addValues<R>(el: XMLBuilder, specs: readonly AttributeSpec<R>[], record: R): void {
  const values = el.ele('attvalues');
  for (const s of specs) {
    const v = s.value(record);
    if (v !== null) values.ele('attvalue', { for: s.name, value: xmlText(v) });
  }
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
        yield element((f) => {
          const el = f.ele('node', { id: xmlText(n.id), label: xmlText(n.label) });
          addValues(el, NODE_ATTRIBUTES, n);
          if (n.position !== null) {
            const p = exportedPosition(n.position);
            el.ele(GEXF_VIZ_NS, 'viz:position', { x: String(p.x), y: String(p.y), z: '0' });
          }
        });
      }
    },
    *edges() {
      for (const e of edges) {
        yield element((f) => {
          const el = f.ele('edge', {
            id: xmlText(e.id),
            source: xmlText(e.source),
            target: xmlText(e.target),
            label: xmlText(e.label),
            // Gephi keeps parallel edges apart only when their kinds differ; two parties often
            // have several agreements, of different types.
            kind: e.cooperation,
          });
          if (e.year !== null) el.att('start', String(e.year));
          addValues(el, EDGE_ATTRIBUTES, e);
        });
      }
    },
  });
}

export function toGexf(graph: GraphData, visible: Visible): string {
  return gexfParts(graph, visible).join('');
}
