import { useMemo, useState } from 'react';
import { COOPERATION_INFO, INSTITUTION_INFO, countryName, type GraphData } from '../model';
import { indexGraph, type Visible } from '../filters';
import { selectVisible, useAtlas } from '../store';

const ROW_LIMIT = 500;

type Dir = 'ascending' | 'descending';

interface Column<R> {
  key: string;
  label: string;
  value(r: R): string | number;
}

function SortableTable<R extends { id: string }>(props: {
  caption: string;
  rows: R[];
  columns: Column<R>[];
  onPick(r: R): void;
  pickedId: string | null;
}) {
  const [sort, setSort] = useState<{ key: string; dir: Dir }>({
    key: props.columns[0]?.key ?? '',
    dir: 'ascending',
  });
  const sorted = useMemo(() => {
    const col = props.columns.find((c) => c.key === sort.key);
    if (!col) return props.rows;
    const sign = sort.dir === 'ascending' ? 1 : -1;
    return props.rows.slice().sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return c * sign;
    });
  }, [props.rows, props.columns, sort]);
  return (
    <table className="data-table">
      <caption>
        {props.caption} ({props.rows.length.toLocaleString('en')})
        {props.rows.length > ROW_LIMIT
          ? ` — first ${ROW_LIMIT} shown; narrow the filters or export the data for all`
          : ''}
      </caption>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={c.key} aria-sort={sort.key === c.key ? sort.dir : 'none'} scope="col">
              <button
                type="button"
                onClick={() =>
                  setSort({
                    key: c.key,
                    dir:
                      sort.key === c.key && sort.dir === 'ascending' ? 'descending' : 'ascending',
                  })
                }
              >
                {c.label}
                {sort.key === c.key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.slice(0, ROW_LIMIT).map((r) => (
          <tr key={r.id} className={r.id === props.pickedId ? 'picked' : undefined}>
            {props.columns.map((c, i) => (
              <td key={c.key}>
                {i === 0 ? (
                  <button
                    type="button"
                    className="link-button inline"
                    onClick={() => props.onPick(r)}
                  >
                    {c.value(r)}
                  </button>
                ) : (
                  c.value(r)
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface InstitutionRow {
  id: string;
  name: string;
  country: string;
  type: string;
  city: string;
  agreements: number;
}

interface AgreementRow {
  id: string;
  a: string;
  b: string;
  type: string;
  date: string;
  source: string;
}

function rowsOf(graph: GraphData, visible: Visible) {
  const index = indexGraph(graph);
  const sources = new Map(graph.data.sources.map((s) => [s.id, s]));
  const shownPerNode = new Map<string, number>();
  for (const id of visible.edges) {
    const e = index.edges.get(id);
    if (!e) continue;
    shownPerNode.set(e.source, (shownPerNode.get(e.source) ?? 0) + 1);
    shownPerNode.set(e.target, (shownPerNode.get(e.target) ?? 0) + 1);
  }
  const institutions: InstitutionRow[] = [];
  for (const id of visible.nodes) {
    const n = index.nodes.get(id);
    if (!n) continue;
    institutions.push({
      id,
      name: n.label,
      country: n.country ? countryName(n.country) : '—',
      type: INSTITUTION_INFO[n.type].label,
      city: n.city ?? '—',
      agreements: shownPerNode.get(id) ?? 0,
    });
  }
  const agreements: AgreementRow[] = [];
  for (const id of visible.edges) {
    const e = index.edges.get(id);
    if (!e) continue;
    const s = e.evidence[0]?.source ? sources.get(e.evidence[0].source) : undefined;
    agreements.push({
      id,
      a: index.nodes.get(e.source)?.label ?? e.source,
      b: index.nodes.get(e.target)?.label ?? e.target,
      type: COOPERATION_INFO[e.cooperation].label,
      date: e.date ?? 'undated',
      source: s ? s.title || s.file : (e.evidence[0]?.source ?? '—'),
    });
  }
  return { institutions, agreements };
}

const INSTITUTION_COLUMNS: Column<InstitutionRow>[] = [
  { key: 'name', label: 'Institution', value: (r) => r.name },
  { key: 'country', label: 'Country', value: (r) => r.country },
  { key: 'type', label: 'Type', value: (r) => r.type },
  { key: 'city', label: 'City', value: (r) => r.city },
  { key: 'agreements', label: 'Agreements shown', value: (r) => r.agreements },
];

const AGREEMENT_COLUMNS: Column<AgreementRow>[] = [
  { key: 'a', label: 'Party', value: (r) => r.a },
  { key: 'b', label: 'Partner', value: (r) => r.b },
  { key: 'type', label: 'Cooperation', value: (r) => r.type },
  { key: 'date', label: 'Date', value: (r) => r.date },
  { key: 'source', label: 'Source', value: (r) => r.source },
];

/** The same selection as the canvas, as sortable tables. */
export function TableView() {
  const graph = useAtlas((s) => s.graph);
  const visible = useAtlas(selectVisible);
  const focus = useAtlas((s) => s.focus);
  const agreement = useAtlas((s) => s.agreement);
  const selectInstitution = useAtlas((s) => s.selectInstitution);
  const selectAgreement = useAtlas((s) => s.selectAgreement);
  const rows = useMemo(() => (graph ? rowsOf(graph, visible) : null), [graph, visible]);
  if (!rows) return null;
  return (
    <div className="table-view">
      <SortableTable
        caption="Institutions"
        rows={rows.institutions}
        columns={INSTITUTION_COLUMNS}
        onPick={(r) => selectInstitution(r.id)}
        pickedId={focus}
      />
      <SortableTable
        caption="Agreements"
        rows={rows.agreements}
        columns={AGREEMENT_COLUMNS}
        onPick={(r) => selectAgreement(r.id)}
        pickedId={agreement}
      />
    </div>
  );
}
