import type { GraphData } from '../model';
import { COOPERATION_INFO, countryName } from '../model';
import { indexGraph } from '../filters';
import type { HoverInfo } from '../cy';
import { selectVisible, useAtlas } from '../store';

export function Tooltip({ graph, hover }: { graph: GraphData; hover: HoverInfo }) {
  const visible = useAtlas(selectVisible);
  const index = indexGraph(graph);
  let title: string;
  let lines: string[];
  if (hover.kind === 'node') {
    const n = index.nodes.get(hover.id);
    if (!n) return null;
    const shown = (index.incident.get(hover.id) ?? []).filter((e) => visible.edges.has(e)).length;
    title = n.label;
    lines = [
      [n.city, countryName(n.country)].filter(Boolean).join(', '),
      `${index.partners.get(hover.id) ?? 0} partners · ${shown} agreements shown`,
    ];
  } else {
    const e = index.edges.get(hover.id);
    if (!e) return null;
    title = `${index.nodes.get(e.source)?.label ?? e.source} — ${index.nodes.get(e.target)?.label ?? e.target}`;
    lines = [`${COOPERATION_INFO[e.cooperation].label} · ${e.date ?? 'date unknown'}`];
  }
  return (
    <div className="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }} role="tooltip">
      <strong>{title}</strong>
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </div>
  );
}
