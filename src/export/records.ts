// One flat record per institution and per agreement, shared by the CSV, GEXF and GraphML writers
// so the three formats carry the same columns with the same values.

import { indexGraph, type Visible } from '../filters';
import {
  COOPERATION_INFO,
  countryName,
  type CooperationType,
  type GraphData,
  type InstitutionType,
  type Position,
} from '../model';
import { filteredSubgraph } from './subgraph';

/** Between aliases in one cell: names may contain commas, rarely a pipe. */
export const ALIAS_SEPARATOR = '|';
/** Between the items of an agreement's evidence; the n-th source goes with the n-th quote. */
export const EVIDENCE_SEPARATOR = '\n';

export interface NodeRecord {
  id: string;
  label: string;
  country: string | null;
  countryName: string | null;
  type: InstitutionType;
  city: string | null;
  lat: number | null;
  lon: number | null;
  aliases: string;
  /** Distinct partners among the exported agreements, so the number matches the file. */
  partners: number;
  position: Position | null;
}

export interface EdgeRecord {
  id: string;
  source: string;
  target: string;
  /** The cooperation type's label, what a person reads on the edge. */
  label: string;
  cooperation: CooperationType;
  year: number | null;
  date: string | null;
  agreement: string;
  description: string;
  evidenceSource: string;
  evidenceQuote: string;
}

export interface ExportRecords {
  graph: GraphData;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

export function exportRecords(graph: GraphData, visible: Visible): ExportRecords {
  const sub = filteredSubgraph(graph, visible);
  const partners = indexGraph(sub).partners;
  const nodes = sub.elements.nodes.map(({ data: d, position }): NodeRecord => ({
    id: d.id,
    label: d.label,
    country: d.country,
    countryName: d.country === null ? null : countryName(d.country),
    type: d.type,
    city: d.city,
    lat: d.lat,
    lon: d.lon,
    aliases: d.aliases.join(ALIAS_SEPARATOR),
    partners: partners.get(d.id) ?? 0,
    position: position ?? null,
  }));
  const edges = sub.elements.edges.map(({ data: d }): EdgeRecord => ({
    id: d.id,
    source: d.source,
    target: d.target,
    label: COOPERATION_INFO[d.cooperation].label,
    cooperation: d.cooperation,
    year: d.year,
    date: d.date,
    agreement: d.agreement,
    description: d.description,
    evidenceSource: d.evidence.map((ev) => ev.source ?? '').join(EVIDENCE_SEPARATOR),
    evidenceQuote: d.evidence.map((ev) => ev.quote).join(EVIDENCE_SEPARATOR),
  }));
  return { graph: sub, nodes, edges };
}

// ---------------------------------------------------------------------------------------------
// Typed attributes for the XML formats

export type AttributeType = 'string' | 'integer' | 'double';

export interface AttributeSpec<R> {
  name: string;
  type: AttributeType;
  /** null means "unknown": the writers leave the value out rather than write an empty one. */
  value: (r: R) => string | number | null;
}

export const NODE_ATTRIBUTES: readonly AttributeSpec<NodeRecord>[] = [
  { name: 'country', type: 'string', value: (r) => r.country },
  { name: 'country_name', type: 'string', value: (r) => r.countryName },
  { name: 'type', type: 'string', value: (r) => r.type },
  { name: 'city', type: 'string', value: (r) => r.city },
  { name: 'aliases', type: 'string', value: (r) => r.aliases },
  { name: 'lat', type: 'double', value: (r) => r.lat },
  { name: 'lon', type: 'double', value: (r) => r.lon },
  { name: 'partners', type: 'integer', value: (r) => r.partners },
];

export const EDGE_ATTRIBUTES: readonly AttributeSpec<EdgeRecord>[] = [
  { name: 'cooperation', type: 'string', value: (r) => r.cooperation },
  { name: 'year', type: 'integer', value: (r) => r.year },
  { name: 'date', type: 'string', value: (r) => r.date },
  { name: 'agreement', type: 'string', value: (r) => r.agreement },
  { name: 'description', type: 'string', value: (r) => r.description },
  { name: 'evidence_source', type: 'string', value: (r) => r.evidenceSource },
  { name: 'evidence_quote', type: 'string', value: (r) => r.evidenceQuote },
];

/**
 * Cytoscape's y axis points down the screen; Gephi's and sigma.js's point up. Flipping y keeps
 * the picture the right way up in the tools that read GEXF and GraphML.
 */
export function exportedPosition(p: Position): Position {
  return { x: p.x, y: p.y === 0 ? 0 : -p.y };
}
