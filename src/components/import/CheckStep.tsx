import { useId } from 'react';
import type { CheckProgress, CheckSummary } from '../../data/import';
import type { GraphData } from '../../model';
import { StepProgress } from './ProgressLine';
import { RowProblemList } from './RowProblemList';

export type ImportMode = 'new' | 'merge';

export interface CheckStepProps {
  /** The row check of imported tables; null when a graph file was chosen or while checking. */
  result: CheckSummary | null;
  /** How far a check under way has come; null when none is. */
  checking: CheckProgress | null;
  /** Why the check could not be done. */
  checkError: string | null;
  /** A graph file that passed the validator. */
  json: { file: string; graph: GraphData } | null;
  importAnyway: boolean;
  onImportAnyway(value: boolean): void;
  mode: ImportMode;
  onMode(mode: ImportMode): void;
  name: string;
  onName(name: string): void;
  currentGraph: GraphData | null;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Step 3: what will be imported, what will not and why, and where it goes. */
export function CheckStep(props: CheckStepProps) {
  const { result, json } = props;
  const anywayId = useId();
  const nameId = useId();
  const modeName = useId();
  const errors = result?.errorCount ?? 0;

  return (
    <>
      {props.checking ? <StepProgress progress={props.checking} /> : null}
      {props.checkError ? (
        <p className="import-error" role="alert">
          {props.checkError}
        </p>
      ) : null}
      {json ? (
        <p className="import-summary" role="status">
          {json.file} is a valid graph with{' '}
          {plural(json.graph.elements.nodes.length, 'institution', 'institutions')} and{' '}
          {plural(json.graph.elements.edges.length, 'agreement', 'agreements')}.
        </p>
      ) : null}
      {result ? (
        // A check run again (after "import anyway" changed) keeps the last answer in view, so
        // the checkbox keeps its place and focus; the progress line above says it is renewing.
        <div aria-busy={props.checking !== null}>
          <p className="import-summary" role={props.checking ? undefined : 'status'}>
            {plural(result.validRows, 'row', 'rows')} of {result.totalRows.toLocaleString('en')} can
            be imported
            {result.totalRows - result.validRows > 0
              ? `; ${plural(result.totalRows - result.validRows, 'row is', 'rows are')} skipped`
              : ''}
            .
            {result.graph
              ? ` They link ${plural(result.graph.institutions, 'institution', 'institutions')}.`
              : ''}
          </p>
          {result.institutionRows.total > 0 ? (
            <p className="hint">
              Institutions table: {result.institutionRows.valid.toLocaleString('en')} of{' '}
              {plural(result.institutionRows.total, 'row', 'rows')} without problems.
            </p>
          ) : null}
          {result.repairableRows > 0 ? (
            <p>
              <input
                id={anywayId}
                type="checkbox"
                checked={props.importAnyway}
                onChange={(e) => props.onImportAnyway(e.target.checked)}
              />{' '}
              <label htmlFor={anywayId}>
                Also import the {plural(result.repairableRows, 'row', 'rows')} whose only problems
                are unknown countries, dates or types, or institutions missing from the institutions
                table (those values are left empty or set to “Other”).
              </label>
            </p>
          ) : null}
          {result.problemCount > 0 ? (
            <>
              <h3>
                {errors > 0 ? plural(errors, 'problem', 'problems') : 'No problems'}
                {result.problemCount > errors
                  ? `, ${plural(result.problemCount - errors, 'note', 'notes')}`
                  : ''}
              </h3>
              <RowProblemList problems={result.problems} total={result.problemCount} />
            </>
          ) : result.totalRows === 0 ? (
            <p role="alert">The table has a header but no rows: there is nothing to import.</p>
          ) : (
            <p>Every row passed the checks.</p>
          )}
        </div>
      ) : null}

      <fieldset className="import-mode">
        <legend>Where the data goes</legend>
        <label>
          <input
            type="radio"
            name={modeName}
            value="new"
            checked={props.mode === 'new'}
            onChange={() => props.onMode('new')}
          />
          A new dataset
        </label>
        <label>
          <input
            type="radio"
            name={modeName}
            value="merge"
            checked={props.mode === 'merge'}
            disabled={!props.currentGraph}
            onChange={() => props.onMode('merge')}
          />
          Merge into the current graph
          {props.currentGraph?.data.title ? ` (“${props.currentGraph.data.title}”)` : ''}, kept as a
          new dataset
        </label>
        <label htmlFor={nameId}>
          Named
          <input
            id={nameId}
            type="text"
            value={props.name}
            maxLength={200}
            onChange={(e) => props.onName(e.target.value)}
          />
        </label>
        <p className="hint">
          Datasets are kept in this browser only, until you delete them. Nothing is uploaded.
        </p>
      </fieldset>
    </>
  );
}
