import { useState } from 'react';
import {
  COOPERATION_INFO,
  COOPERATION_TYPES,
  INSTITUTION_INFO,
  countryName,
  type AgreementData,
  type Evidence,
  type GraphData,
} from '../model';
import { indexGraph, shortestPath } from '../filters';
import { centreOn, COOPERATION_STYLE } from '../cy';
import { selectVisible, useAtlas } from '../store';
import { InstitutionCombobox } from './InstitutionCombobox';
import { LineSwatch } from './LineSwatch';
import { SourceViewer } from './SourceViewer';

export function Details() {
  const graph = useAtlas((s) => s.graph);
  const focus = useAtlas((s) => s.focus);
  const agreement = useAtlas((s) => s.agreement);
  const selectInstitution = useAtlas((s) => s.selectInstitution);
  const selectAgreement = useAtlas((s) => s.selectAgreement);
  if (!graph || (!focus && !agreement)) return null;
  return (
    <aside className="details" aria-label="Details">
      <button
        type="button"
        className="close"
        aria-label="Close details"
        onClick={() => (agreement && focus ? selectAgreement(null) : selectInstitution(null))}
      >
        ×
      </button>
      {agreement ? (
        <AgreementDetails graph={graph} id={agreement} />
      ) : focus ? (
        <InstitutionDetails graph={graph} id={focus} />
      ) : null}
    </aside>
  );
}

function InstitutionLink({ id, graph }: { id: string; graph: GraphData }) {
  const selectInstitution = useAtlas((s) => s.selectInstitution);
  const label = indexGraph(graph).nodes.get(id)?.label ?? id;
  return (
    <button
      type="button"
      className="link-button inline"
      onClick={() => {
        selectInstitution(id);
        centreOn(id);
      }}
    >
      {label}
    </button>
  );
}

function InstitutionDetails({ graph, id }: { graph: GraphData; id: string }) {
  const index = indexGraph(graph);
  const visible = useAtlas(selectVisible);
  const selectAgreement = useAtlas((s) => s.selectAgreement);
  const n = index.nodes.get(id);
  if (!n) return <p>No institution “{id}” in this graph.</p>;
  const byType = new Map<string, AgreementData[]>();
  for (const eid of index.incident.get(id) ?? []) {
    const e = index.edges.get(eid);
    if (!e) continue;
    const list = byType.get(e.cooperation) ?? [];
    list.push(e);
    byType.set(e.cooperation, list);
  }
  const hiddenCount = (index.incident.get(id) ?? []).filter((e) => !visible.edges.has(e)).length;
  return (
    <div className="details-body">
      <p className="kicker">Institution</p>
      <h2>{n.label}</h2>
      <dl className="facts">
        {n.aliases.length > 0 ? (
          <>
            <dt>Also</dt>
            <dd>{n.aliases.join(' · ')}</dd>
          </>
        ) : null}
        <dt>Country</dt>
        <dd>{n.country ? `${countryName(n.country)} (${n.country})` : 'None given'}</dd>
        <dt>Type</dt>
        <dd>{INSTITUTION_INFO[n.type].label}</dd>
        <dt>City</dt>
        <dd>{n.city ?? 'Not known'}</dd>
        <dt>Partners</dt>
        <dd>{index.partners.get(id) ?? 0}</dd>
      </dl>
      {n.note ? <p className="note">{n.note}</p> : null}
      <Connection graph={graph} from={id} />
      <h3>Agreements</h3>
      {hiddenCount > 0 ? (
        <p className="hint">{hiddenCount} of them are hidden by the current filters (marked).</p>
      ) : null}
      {COOPERATION_TYPES.filter((t) => byType.has(t)).map((t) => (
        <section key={t} className="partner-group">
          <h4>
            <LineSwatch {...COOPERATION_STYLE[t]} /> {COOPERATION_INFO[t].label}
          </h4>
          <ul>
            {(byType.get(t) ?? [])
              .slice()
              .sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999))
              .map((e) => {
                const other = e.source === id ? e.target : e.source;
                return (
                  <li key={e.id} className={visible.edges.has(e.id) ? undefined : 'filtered-out'}>
                    <InstitutionLink id={other} graph={graph} />{' '}
                    <span className="year">{e.date ?? 'undated'}</span>{' '}
                    <button
                      type="button"
                      className="link-button small"
                      onClick={() => selectAgreement(e.id)}
                      aria-label={`Agreement with ${index.nodes.get(other)?.label ?? other}: details and source`}
                    >
                      details
                    </button>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** "Who connects A to B": the shortest chain of shown agreements, highlighted on the canvas. */
function Connection({ graph, from }: { graph: GraphData; from: string }) {
  const path = useAtlas((s) => s.path);
  const setPath = useAtlas((s) => s.setPath);
  const selectAgreement = useAtlas((s) => s.selectAgreement);
  const visible = useAtlas(selectVisible);
  const [query, setQuery] = useState('');
  const index = indexGraph(graph);
  const found = path ? shortestPath(graph, visible, from, path) : null;
  return (
    <section className="connection" aria-label="Connection">
      <h3>Connection</h3>
      <InstitutionCombobox
        label="Show the chain of agreements to"
        placeholder="Connect to… (name or acronym)"
        value={query}
        onChange={setQuery}
        onChoose={(id) => {
          setPath(id);
          setQuery('');
        }}
      />
      {path ? (
        <div className="path-result" data-testid="path-result">
          {found ? (
            <>
              <p>
                {found.edges.length} step{found.edges.length === 1 ? '' : 's'} to{' '}
                <strong>{index.nodes.get(path)?.label ?? path}</strong>:
              </p>
              <ol>
                {found.edges.map((eid, i) => {
                  const e = index.edges.get(eid);
                  const a = found.nodes[i] ?? '';
                  const b = found.nodes[i + 1] ?? '';
                  return (
                    <li key={eid}>
                      {index.nodes.get(a)?.label ?? a} → {index.nodes.get(b)?.label ?? b}{' '}
                      <button
                        type="button"
                        className="link-button small"
                        onClick={() => selectAgreement(eid)}
                      >
                        {e ? COOPERATION_INFO[e.cooperation].label.toLowerCase() : 'agreement'}
                      </button>
                    </li>
                  );
                })}
              </ol>
            </>
          ) : (
            <p>
              No chain of shown agreements connects them to {index.nodes.get(path)?.label ?? path}.
            </p>
          )}
          <button type="button" className="link-button small" onClick={() => setPath(null)}>
            Clear connection
          </button>
        </div>
      ) : null}
    </section>
  );
}

function AgreementDetails({ graph, id }: { graph: GraphData; id: string }) {
  const index = indexGraph(graph);
  const [viewing, setViewing] = useState<Evidence | null>(null);
  const e = index.edges.get(id);
  if (!e) return <p>No agreement “{id}” in this graph.</p>;
  const sources = new Map(graph.data.sources.map((s) => [s.id, s]));
  const otherParties = new Set<string>();
  for (const other of graph.elements.edges) {
    if (other.data.agreement === e.agreement) {
      otherParties.add(other.data.source);
      otherParties.add(other.data.target);
    }
  }
  const info = COOPERATION_INFO[e.cooperation];
  const viewedSource = viewing?.source ? sources.get(viewing.source) : undefined;
  return (
    <div className="details-body">
      <p className="kicker">Agreement</p>
      <h2>
        <InstitutionLink id={e.source} graph={graph} /> and{' '}
        <InstitutionLink id={e.target} graph={graph} />
      </h2>
      <dl className="facts">
        <dt>Type</dt>
        <dd>
          <LineSwatch {...COOPERATION_STYLE[e.cooperation]} /> {info.label}
          <div className="hint">{info.definition}</div>
        </dd>
        <dt>Date</dt>
        <dd>{e.date ?? 'Not stated in the source'}</dd>
        {otherParties.size > 2 ? (
          <>
            <dt>Parties</dt>
            <dd>
              {[...otherParties].map((p, i) => (
                <span key={p}>
                  {i > 0 ? ', ' : ''}
                  <InstitutionLink id={p} graph={graph} />
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {e.description ? <p>{e.description}</p> : null}
      <h3>Evidence</h3>
      {e.evidence.length === 0 ? <p className="hint">No evidence recorded.</p> : null}
      {e.evidence.map((ev, i) => {
        const s = ev.source ? sources.get(ev.source) : undefined;
        return (
          <figure key={i} className="evidence">
            <blockquote>{ev.quote}</blockquote>
            <figcaption>
              {s ? (
                <>
                  <cite>{s.title || `Untitled text (${s.file})`}</cite>
                  {s.publisher ? ` · ${s.publisher}` : ''}
                  {` · ${s.date || 'undated'}`}
                  {s.url ? (
                    <>
                      {' · '}
                      <a href={s.url} target="_blank" rel="noopener noreferrer">
                        original
                      </a>
                    </>
                  ) : null}
                </>
              ) : (
                (ev.source ?? 'Source not named')
              )}
            </figcaption>
            {s?.text ? (
              <button type="button" className="button" onClick={() => setViewing(ev)}>
                View source
              </button>
            ) : null}
          </figure>
        );
      })}
      {viewedSource && viewing ? (
        <SourceViewer
          source={viewedSource}
          quote={viewing.quote}
          onClose={() => setViewing(null)}
        />
      ) : null}
    </div>
  );
}
