import type { GraphData } from '../model';
import { COOPERATION_INFO, countryName } from '../model';
import {
  groupKeyOfDrawn,
  groupLabel,
  indexGraph,
  isSynthetic,
  type DrawnView,
  type GraphIndex,
} from '../filters';
import type { HoverInfo } from '../cy';
import { selectDrawn, selectVisible, useAtlas } from '../store';

const count = (n: number) => n.toLocaleString('en');

/** Title and lines for a group, frame, "more" node or summary link of the grouped view. */
function groupedTip(
  view: DrawnView,
  index: GraphIndex,
  hover: HoverInfo,
): { title: string; lines: string[] } | null {
  const nameOf = (id: string) => {
    const key = groupKeyOfDrawn(id);
    return key === null ? (index.nodes.get(id)?.label ?? id) : groupLabel(key);
  };
  if (hover.kind === 'edge') {
    const link = view.edges.find((e) => e.id === hover.id);
    if (!link) return null;
    return {
      title: `${nameOf(link.source)} — ${nameOf(link.target)}`,
      lines: [
        `${count(link.agreements)} agreement${link.agreements === 1 ? '' : 's'}`,
        'Click to open the groups at its ends',
      ],
    };
  }
  const node = view.nodes.find((n) => n.id === hover.id);
  if (!node) return null;
  const name = groupLabel(node.group);
  const summary = view.groups.find((g) => g.key === node.group);
  if (node.kind === 'group') {
    return {
      title: name,
      lines: [
        `${count(node.institutions)} institutions · ${count(summary?.agreements ?? 0)} agreements`,
        `${count(node.inside)} agreements within ${name}`,
        'Click or zoom in to show its institutions',
      ],
    };
  }
  if (node.kind === 'frame') {
    return {
      title: name,
      lines: [
        `${count(summary?.drawn ?? 0)} of ${count(node.institutions)} institutions drawn`,
        'Click the ring to group them again',
      ],
    };
  }
  return {
    title: `${count(node.institutions)} more in ${name}`,
    lines: [
      'Not drawn: too many to show at once',
      node.group === 'none'
        ? 'Narrow the filters to see them'
        : `Click to show ${name} only, or narrow the filters`,
    ],
  };
}

export function Tooltip({ graph, hover }: { graph: GraphData; hover: HoverInfo }) {
  const visible = useAtlas(selectVisible);
  const drawn = useAtlas(selectDrawn);
  const index = indexGraph(graph);
  let title: string;
  let lines: string[];
  if (isSynthetic(hover.id)) {
    const tip = drawn ? groupedTip(drawn, index, hover) : null;
    if (!tip) return null;
    ({ title, lines } = tip);
  } else if (hover.kind === 'node') {
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
