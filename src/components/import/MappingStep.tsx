import { useEffect, useId, useMemo, useState } from 'react';
import {
  AGREEMENT_ROLES,
  AGREEMENT_ROLE_INFO,
  INSTITUTION_ROLES,
  INSTITUTION_ROLE_INFO,
  delimiterName,
  type Mapping,
  type RoleInfo,
  type TableId,
  type TableSummary,
  type TypeMap,
  type ValueCount,
} from '../../data/import';
import {
  COOPERATION_INFO,
  COOPERATION_TYPES,
  isCooperationType,
  type CooperationType,
} from '../../model';
import { RowProblemList } from './RowProblemList';

/** Distinct cooperation values listed for mapping; more are rare and reported per row. */
const MAX_TYPE_VALUES = 100;

/** "Country" — or "Country (column 4)" when the header repeats the name. */
function columnLabels(columns: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const c of columns) counts.set(c, (counts.get(c) ?? 0) + 1);
  return columns.map((c, i) => ((counts.get(c) ?? 0) > 1 ? `${c} (column ${i + 1})` : c));
}

function RoleSelect(props: {
  info: RoleInfo;
  required: boolean;
  value: number | null;
  labels: readonly string[];
  onChange(col: number | null): void;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="role">
      <label htmlFor={id} className={props.required ? 'required' : undefined}>
        {props.info.label}
      </label>
      <select
        id={id}
        aria-describedby={hintId}
        value={props.value === null ? '' : String(props.value)}
        onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">— not in the file —</option>
        {props.labels.map((label, i) => (
          <option key={i} value={String(i)}>
            {label}
          </option>
        ))}
      </select>
      <span id={hintId} className="visually-hidden">
        {props.info.hint}
      </span>
    </div>
  );
}

function Preview(props: {
  table: TableSummary;
  roleOf: ReadonlyMap<number, string>;
  caption: string;
}) {
  const rows = props.table.preview;
  return (
    <div className="preview-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table className="preview">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {props.table.columns.map((c, i) => {
              const role = props.roleOf.get(i);
              return (
                <th key={i} scope="col" className={role ? undefined : 'unmapped'} title={c}>
                  {c}
                  <span className="role-tag">{role ?? 'not used'}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              <td>{props.table.previewRowNumbers[r] ?? r + 2}</td>
              {row.map((cell, i) => (
                <td key={i} title={cell}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The user's choice for a value; own keys only, so a value "constructor" finds nothing. */
function chosenType(typeMap: TypeMap, key: string): CooperationType | undefined {
  return Object.prototype.hasOwnProperty.call(typeMap, key) ? typeMap[key] : undefined;
}

/** Asks for the values of a column (the rows are with the import worker); null until they come. */
export type LoadValues = (table: TableId, column: number) => Promise<ValueCount[]>;

function useColumnValues(load: LoadValues, table: TableId, column: number) {
  const key = `${table}:${column}`;
  const [answer, setAnswer] = useState<{ key: string; values: ValueCount[] | string } | null>(null);
  useEffect(() => {
    let live = true;
    load(table, column).then(
      (values) => {
        if (live) setAnswer({ key, values });
      },
      (e: unknown) => {
        if (live) setAnswer({ key, values: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [load, table, column, key]);
  return answer?.key === key ? answer.values : null;
}

function TypeMapTable(props: {
  table: TableSummary;
  column: number;
  loadValues: LoadValues;
  typeMap: TypeMap;
  onTypeMap(t: TypeMap): void;
}) {
  const values = useColumnValues(props.loadValues, props.table.id, props.column);
  if (values === null) {
    return <p className="hint">Reading the cooperation types of the column…</p>;
  }
  if (typeof values === 'string') {
    return (
      <p className="import-error" role="alert">
        {values}
      </p>
    );
  }
  if (values.length === 0) return null;
  const shown = values.slice(0, MAX_TYPE_VALUES);
  const unresolved = values.filter(
    (v) => v.match === undefined && chosenType(props.typeMap, v.key) === undefined,
  ).length;
  return (
    <section aria-labelledby="import-types-title">
      <h3 id="import-types-title">Cooperation types</h3>
      <p className="hint">
        How each value of the column is read.{' '}
        {unresolved > 0
          ? `${unresolved} ${unresolved === 1 ? 'value is' : 'values are'} not recognised: choose a type, or its rows are listed as problems (and can be imported as “Other”).`
          : 'Every value is recognised; change any reading that is wrong.'}
      </p>
      <table className="type-map">
        <thead>
          <tr>
            <th scope="col">Value in the file</th>
            <th scope="col">Rows</th>
            <th scope="col">Read as</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((v) => {
            const current = chosenType(props.typeMap, v.key) ?? v.match ?? '';
            return (
              <tr key={v.key} className={current === '' ? 'unresolved' : undefined}>
                <td>{v.value}</td>
                <td>{v.count.toLocaleString('en')}</td>
                <td>
                  <select
                    aria-label={`Cooperation type for “${v.value}”`}
                    value={current}
                    onChange={(e) => {
                      const next: TypeMap = { ...props.typeMap };
                      if (isCooperationType(e.target.value)) next[v.key] = e.target.value;
                      else delete next[v.key];
                      props.onTypeMap(next);
                    }}
                  >
                    {v.match === undefined ? <option value="">— not recognised —</option> : null}
                    {COOPERATION_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {COOPERATION_INFO[t].label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {values.length > shown.length ? (
        <p className="hint">
          {values.length - shown.length} rarer values are not listed; unrecognised ones show up as
          row problems.
        </p>
      ) : null}
    </section>
  );
}

export interface MappingStepProps {
  agreements: TableSummary;
  institutions: TableSummary | null;
  mapping: Mapping;
  onMapping(m: Mapping): void;
  typeMap: TypeMap;
  onTypeMap(t: TypeMap): void;
  loadValues: LoadValues;
  onAddInstitutions(file: File): void;
  onRemoveInstitutions(): void;
  onSwap(): void;
}

function describeTable(t: TableSummary): string {
  const rows = `${t.rowCount.toLocaleString('en')} ${t.rowCount === 1 ? 'row' : 'rows'}`;
  return `${rows}, ${t.columns.length} columns, ${delimiterName(t.delimiter)}-separated, ${t.encoding.toUpperCase()}`;
}

/** Step 2: which column holds what, with a preview, and how cooperation values are read. */
export function MappingStep(props: MappingStepProps) {
  const { agreements, institutions, mapping } = props;
  const homeId = useId();
  const homeCountryId = useId();
  const addId = useId();
  const agreementLabels = useMemo(() => columnLabels(agreements.columns), [agreements]);
  const institutionLabels = useMemo(
    () => columnLabels(institutions?.columns ?? []),
    [institutions],
  );
  const agreementRoles = useMemo(() => {
    const roles = new Map<number, string>();
    for (const r of AGREEMENT_ROLES) {
      const col = mapping.agreements[r];
      if (col !== null) roles.set(col, AGREEMENT_ROLE_INFO[r].label);
    }
    return roles;
  }, [mapping.agreements]);
  const institutionRoles = useMemo(() => {
    const roles = new Map<number, string>();
    for (const r of INSTITUTION_ROLES) {
      const col = mapping.institutions[r];
      if (col !== null) roles.set(col, INSTITUTION_ROLE_INFO[r].label);
    }
    return roles;
  }, [mapping.institutions]);
  const readingNotes = [...agreements.problems, ...(institutions?.problems ?? [])];
  const readingNoteCount = agreements.problemCount + (institutions?.problemCount ?? 0);

  return (
    <>
      <div className="file-summary">
        <span>
          <strong>Agreements:</strong> {agreements.file} ({describeTable(agreements)})
        </span>
        {institutions ? (
          <span>
            <strong>Institutions:</strong> {institutions.file} ({describeTable(institutions)}){' '}
            <button type="button" className="link-button" onClick={props.onSwap}>
              Swap the two files
            </button>{' '}
            <button type="button" className="link-button" onClick={props.onRemoveInstitutions}>
              Don’t use the institutions table
            </button>
          </span>
        ) : (
          <span>
            <label htmlFor={addId}>Add an institutions table (optional): </label>
            <input
              id={addId}
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) props.onAddInstitutions(file);
                e.target.value = '';
              }}
            />
          </span>
        )}
      </div>

      <fieldset className="role-grid">
        <legend>Columns of the agreements table</legend>
        {AGREEMENT_ROLES.map((role) => (
          <RoleSelect
            key={role}
            info={AGREEMENT_ROLE_INFO[role]}
            required={role === 'target' || (role === 'source' && mapping.homeInstitution === '')}
            value={mapping.agreements[role]}
            labels={agreementLabels}
            onChange={(col) =>
              props.onMapping({ ...mapping, agreements: { ...mapping.agreements, [role]: col } })
            }
          />
        ))}
      </fieldset>
      {mapping.agreements.source === null ? (
        <div className="role-grid">
          <div className="role">
            <label htmlFor={homeId} className="required">
              All rows are agreements of
            </label>
            <input
              id={homeId}
              type="text"
              placeholder="Name of your institution"
              value={mapping.homeInstitution}
              onChange={(e) => props.onMapping({ ...mapping, homeInstitution: e.target.value })}
            />
          </div>
          <div className="role">
            <label htmlFor={homeCountryId}>Its country</label>
            <input
              id={homeCountryId}
              type="text"
              placeholder="e.g. Germany or DE"
              value={mapping.homeCountry}
              onChange={(e) => props.onMapping({ ...mapping, homeCountry: e.target.value })}
            />
          </div>
        </div>
      ) : null}
      <Preview
        table={agreements}
        roleOf={agreementRoles}
        caption={`First ${agreements.preview.length} rows of ${agreements.file}`}
      />

      {mapping.agreements.cooperation !== null ? (
        <TypeMapTable
          table={agreements}
          column={mapping.agreements.cooperation}
          loadValues={props.loadValues}
          typeMap={props.typeMap}
          onTypeMap={props.onTypeMap}
        />
      ) : null}

      {institutions ? (
        <>
          <fieldset className="role-grid">
            <legend>Columns of the institutions table</legend>
            {INSTITUTION_ROLES.map((role) => (
              <RoleSelect
                key={role}
                info={INSTITUTION_ROLE_INFO[role]}
                required={role === 'name'}
                value={mapping.institutions[role]}
                labels={institutionLabels}
                onChange={(col) =>
                  props.onMapping({
                    ...mapping,
                    institutions: { ...mapping.institutions, [role]: col },
                  })
                }
              />
            ))}
          </fieldset>
          <Preview
            table={institutions}
            roleOf={institutionRoles}
            caption={`First ${institutions.preview.length} rows of ${institutions.file}`}
          />
        </>
      ) : null}

      {readingNoteCount > 0 ? (
        <details>
          <summary>
            {readingNoteCount.toLocaleString('en')} {readingNoteCount === 1 ? 'note' : 'notes'} from
            reading the files
          </summary>
          <RowProblemList problems={readingNotes} total={readingNoteCount} />
        </details>
      ) : null}
    </>
  );
}
