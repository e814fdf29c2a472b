import { useCallback, useEffect, useRef, useState } from 'react';
import {
  ImportSession,
  guessMapping,
  looksLikeAgreements,
  toProblem,
  emptyMapping,
  type CheckProgress,
  type CheckSummary,
  type CommitProgress,
  type Mapping,
  type TableId,
  type TableSummary,
  type TypeMap,
} from '../../data/import';
import { isCompressedTable } from '../../data/fetchGraph';
import { loadGraphFromFile } from '../../data/load/graphLoader';
import type { GraphData, Problem } from '../../model';
import { CheckStep, type ImportMode } from './CheckStep';
import { FileStep, type Reading } from './FileStep';
import { MappingStep } from './MappingStep';
import { StepProgress } from './ProgressLine';
import './import.css';

export interface ImportedResult {
  /** The graph to show: the import itself, or the current graph with the import merged in. */
  graph: GraphData;
  name: string;
  mode: ImportMode;
  /** Id of the stored dataset; null when the user chose to open it without saving. */
  datasetId: string | null;
}

export interface ImportDialogProps {
  open: boolean;
  onClose(): void;
  currentGraph: GraphData | null;
  onImported(result: ImportedResult): void;
  /** Keep the result in the browser's IndexedDB (the default). */
  save?: boolean;
  /** Files to read at once, e.g. CSV files dropped on the page. */
  initialFiles?: readonly File[];
}

type Step = 'files' | 'mapping' | 'check' | 'done';

const TITLES: Record<Step, string> = {
  files: 'Import data · 1 of 3: choose files',
  mapping: 'Import data · 2 of 3: match the columns',
  check: 'Import data · 3 of 3: check the rows',
  done: 'Import data · done',
};

interface Tables {
  agreements: TableSummary;
  institutions: TableSummary | null;
}

const isJson = (f: File) =>
  /\.json(\.gz)?$/i.test(f.name) || f.type === 'application/json' || f.type === 'application/gzip';
const baseName = (file: string) => file.replace(/(\.json)?\.gz$|\.[^.]+$/i, '') || file;
const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A mark in the page's performance timeline (DevTools, the benchmark): "atlas:import-saved". */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
    performance.mark(name);
  }
}

/** Runs `fn` in a task of its own once the browser has drawn (or after 100 ms, if it does not). */
function afterPaint(fn: () => void): void {
  let ran = false;
  const run = () => {
    if (ran) return;
    ran = true;
    fn();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}

/**
 * "Bring your own data": CSV tables (or a graph file) → column mapping → row check → a new
 * dataset or a merge, kept in IndexedDB. Everything read from files is rendered as text.
 */
export function ImportDialog(props: ImportDialogProps) {
  // Mounted only while open, so every opening starts afresh.
  return props.open ? <ImportDialogBody {...props} /> : null;
}

function ImportDialogBody({
  onClose,
  currentGraph,
  onImported,
  save = true,
  initialFiles,
}: ImportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** The import worker for the files chosen last; closing it stops the worker. */
  const session = useRef<ImportSession | null>(null);
  const reading = useRef<AbortController | null>(null);
  const checkRun = useRef<AbortController | null>(null);
  const firstStep = useRef(true);
  const [step, setStep] = useState<Step>('files');
  const [progress, setProgress] = useState<Reading | null>(null);
  const [fileProblems, setFileProblems] = useState<Problem[]>([]);
  const [tables, setTables] = useState<Tables | null>(null);
  const [json, setJson] = useState<{ file: string; graph: GraphData } | null>(null);
  const [mapping, setMapping] = useState<Mapping>(emptyMapping);
  const [typeMap, setTypeMap] = useState<TypeMap>({});
  const [importAnyway, setImportAnyway] = useState(false);
  const [check, setCheck] = useState<CheckSummary | null>(null);
  const [checking, setChecking] = useState<CheckProgress | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [mode, setMode] = useState<ImportMode>('new');
  const [name, setName] = useState('');
  const [committing, setCommitting] = useState<CommitProgress | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState<GraphData | null>(null);
  const [done, setDone] = useState<string>('');

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) {
      // jsdom and old browsers lack showModal; the dialog then shows without a backdrop.
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    return () => {
      reading.current?.abort();
      // Closing the dialog (Cancel, Escape, done) stops the worker and whatever it was doing.
      session.current?.close();
      session.current = null;
    };
  }, []);

  useEffect(() => {
    // Moving between steps replaces the content: the heading says where the user now is.
    if (firstStep.current) firstStep.current = false;
    else heading.current?.focus();
  }, [step]);

  /** A new worker for newly chosen files; the last one stops, with whatever it held. */
  const openSession = useCallback((): ImportSession => {
    session.current?.close();
    const s = new ImportSession();
    session.current = s;
    return s;
  }, []);

  const readTable = useCallback(
    async (s: ImportSession, file: File, signal: AbortSignal): Promise<TableSummary | null> => {
      setProgress({ file: file.name, progress: null });
      try {
        return await s.readFile(file, {
          signal,
          onProgress: (p) => {
            if (!signal.aborted) setProgress({ file: file.name, progress: p });
          },
        });
      } catch (e) {
        if (!isAbort(e)) setFileProblems([{ message: `${file.name}: ${messageOf(e)}` }]);
        return null;
      } finally {
        if (!signal.aborted) setProgress(null);
      }
    },
    [],
  );

  const startReading = useCallback((): AbortSignal => {
    reading.current?.abort();
    const controller = new AbortController();
    reading.current = controller;
    setFileProblems([]);
    return controller.signal;
  }, []);

  const chooseFiles = useCallback(
    async (files: File[]) => {
      const signal = startReading();
      const s = openSession();
      // Read as a table its bytes would be gibberish, as a graph "not valid JSON".
      const packedTable = files.find((f) => isCompressedTable(f.name));
      if (packedTable) {
        setFileProblems([
          {
            file: packedTable.name,
            message: `This is a compressed table. Tables are read uncompressed: unzip it, then choose ${packedTable.name.slice(0, -3)} here.`,
          },
        ]);
        return;
      }
      const graphFile = files.find(isJson);
      if (graphFile) {
        if (files.length > 1) {
          setFileProblems([{ message: 'Choose either one graph file or CSV tables, not both.' }]);
          return;
        }
        setProgress({ file: graphFile.name, progress: null });
        const loaded = await loadGraphFromFile(graphFile);
        if (signal.aborted) return;
        setProgress(null);
        if (!loaded.graph) {
          setFileProblems(loaded.problems);
          return;
        }
        setJson({ file: graphFile.name, graph: loaded.graph });
        setTables(null);
        setCheck(null);
        setName(loaded.graph.data.title || baseName(graphFile.name));
        setStep('check');
        return;
      }
      if (files.length > 2) {
        setFileProblems([
          { message: 'Choose at most two files: an agreements table and an institutions table.' },
        ]);
        return;
      }
      const parsed: TableSummary[] = [];
      for (const file of files) {
        const table = await readTable(s, file, signal);
        if (!table) return;
        if (table.fatal) {
          setFileProblems(table.problems.map(toProblem));
          return;
        }
        parsed.push(table);
      }
      let [agreements, institutions] = parsed;
      if (!agreements) return;
      if (
        institutions &&
        !looksLikeAgreements(agreements.columns) &&
        looksLikeAgreements(institutions.columns)
      ) {
        [agreements, institutions] = [institutions, agreements];
      }
      setTables({ agreements, institutions: institutions ?? null });
      setMapping(guessMapping(agreements.columns, institutions?.columns ?? []));
      setTypeMap({});
      setImportAnyway(false);
      setCheck(null);
      setJson(null);
      setName(baseName(agreements.file));
      setStep('mapping');
    },
    [readTable, startReading, openSession],
  );

  const initial = useRef(initialFiles);
  useEffect(() => {
    const files = initial.current;
    if (!files || files.length === 0) return;
    // Started after the first paint, like any other reading of external data; forgotten only
    // once started, so React's development double mount still reads them.
    const timer = setTimeout(() => {
      initial.current = undefined;
      void chooseFiles([...files]);
    }, 0);
    return () => clearTimeout(timer);
  }, [chooseFiles]);

  const loadValues = useCallback(
    (table: TableId, column: number) =>
      session.current
        ? session.current.cooperationValues(table, column)
        : Promise.reject(new Error('Choose the files again.')),
    [],
  );

  async function addInstitutions(file: File) {
    const s = session.current;
    if (!tables || !s) return;
    const signal = startReading();
    const table = await readTable(s, file, signal);
    if (!table) return;
    if (table.fatal) {
      setFileProblems(table.problems.map(toProblem));
      return;
    }
    setTables({ ...tables, institutions: table });
    setMapping({ ...mapping, institutions: guessMapping([], table.columns).institutions });
  }

  function removeInstitutions() {
    if (!tables?.institutions) return;
    session.current?.drop(tables.institutions.id);
    setTables({ ...tables, institutions: null });
  }

  function swapTables() {
    if (!tables?.institutions) return;
    const next = { agreements: tables.institutions, institutions: tables.agreements };
    setTables(next);
    setMapping(guessMapping(next.agreements.columns, next.institutions.columns));
    setTypeMap({});
  }

  /** Checks the rows in the worker; a check still running is superseded. */
  function runCheck(anyway: boolean) {
    const s = session.current;
    if (!tables || !s) return;
    checkRun.current?.abort();
    const controller = new AbortController();
    checkRun.current = controller;
    const { signal } = controller;
    setCheckError(null);
    setChecking({
      phase: 'checking',
      done: 0,
      total: tables.agreements.rowCount + (tables.institutions?.rowCount ?? 0),
    });
    s.check(
      {
        agreements: tables.agreements.id,
        institutions: tables.institutions?.id ?? null,
        mapping,
        typeMap,
        importAnyway: anyway,
      },
      {
        signal,
        onProgress: (p) => {
          if (!signal.aborted) setChecking(p);
        },
      },
    ).then(
      (summary) => {
        setCheck(summary);
        setChecking(null);
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        setCheck(null);
        setChecking(null);
        setCheckError(`The rows could not be checked: ${messageOf(e)}`);
      },
    );
  }

  function startCheck() {
    setCheck(null);
    setSaveError(null);
    setUnsaved(null);
    setStep('check');
    runCheck(importAnyway);
  }

  function finish(graph: GraphData, datasetId: string | null) {
    const cleanName = name.trim();
    setDone(
      `“${cleanName}” is open: ${graph.elements.nodes.length.toLocaleString('en')} institutions, ${graph.elements.edges.length.toLocaleString('en')} agreements${datasetId ? ', kept in this browser' : ', not saved'}.`,
    );
    setStep('done');
    mark('atlas:import-done');
    // Drawing a large graph keeps the page busy for a while: first the dialog shows that the
    // import is done, then, in a task of its own, the explorer takes the graph.
    afterPaint(() => onImported({ graph, name: cleanName, mode, datasetId }));
  }

  async function confirm() {
    const s = session.current;
    const cleanName = name.trim();
    const imported = json ? { graph: json.graph } : check?.graph ? { check: check.id } : null;
    if (!s || !imported || cleanName === '' || committing) return;
    setSaveError(null);
    setUnsaved(null);
    const merge = mode === 'merge' && currentGraph !== null;
    setCommitting({ phase: merge ? 'merging' : save ? 'saving' : 'opening', done: 0, total: 1 });
    const files = json
      ? json.file
      : [tables?.agreements.file, tables?.institutions?.file].filter(Boolean).join(' and ');
    const origin =
      merge && currentGraph
        ? `${files} merged into “${currentGraph.data.title || 'the graph shown'}”`
        : `Imported from ${files}`;
    let outcome: Awaited<ReturnType<ImportSession['commit']>>;
    try {
      outcome = await s.commit(
        { imported, mergeInto: merge ? currentGraph : null, name: cleanName, origin, save },
        { onProgress: setCommitting, onSaved: () => mark('atlas:import-saved') },
      );
    } catch (e) {
      // Cancelled: the dialog is closing.
      if (isAbort(e)) return;
      setCommitting(null);
      setSaveError(messageOf(e));
      return;
    }
    setCommitting(null);
    if (!outcome.ok) {
      setSaveError(outcome.error);
      return;
    }
    const { graph, datasetId, saveError: failure } = outcome.value;
    if (failure !== null) {
      setSaveError(failure);
      setUnsaved(graph);
      return;
    }
    finish(graph, datasetId);
  }

  function back() {
    checkRun.current?.abort();
    setChecking(null);
    setCheckError(null);
    setSaveError(null);
    setUnsaved(null);
    if (json) {
      setJson(null);
      setStep('files');
    } else setStep('mapping');
  }

  const validRows = check?.validRows ?? 0;
  const canImport =
    (json !== null || (check !== null && checking === null && validRows > 0)) &&
    name.trim() !== '' &&
    committing === null;
  const importLabel = committing
    ? save
      ? 'Saving…'
      : 'Opening…'
    : json
      ? 'Import the graph'
      : checking && !check
        ? 'Checking the rows…'
        : `Import ${validRows.toLocaleString('en')} valid ${validRows === 1 ? 'row' : 'rows'}`;

  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-labelledby="import-title"
      onClose={onClose}
      onCancel={onClose}
      // Files dropped on the dialog but beside the drop zone must not reach a page-wide drop
      // handler (which would open them as a graph) nor the browser (which would navigate).
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
      }}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      <header>
        <h2 id="import-title" ref={heading} tabIndex={-1}>
          {TITLES[step]}
        </h2>
        <button type="button" className="close" aria-label="Close the import" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="import-body">
        {step === 'files' ? (
          <FileStep
            onFiles={(f) => void chooseFiles(f)}
            reading={progress}
            problems={fileProblems}
          />
        ) : null}
        {step === 'mapping' && tables ? (
          <>
            {progress ? (
              <p role="status">Reading {progress.file}…</p>
            ) : fileProblems.length > 0 ? (
              <div className="import-error" role="alert">
                {fileProblems.map((p, i) => (
                  <p key={i}>{p.message}</p>
                ))}
              </div>
            ) : null}
            <MappingStep
              agreements={tables.agreements}
              institutions={tables.institutions}
              mapping={mapping}
              onMapping={setMapping}
              typeMap={typeMap}
              onTypeMap={setTypeMap}
              loadValues={loadValues}
              onAddInstitutions={(f) => void addInstitutions(f)}
              onRemoveInstitutions={removeInstitutions}
              onSwap={swapTables}
            />
          </>
        ) : null}
        {step === 'check' ? (
          <>
            <CheckStep
              result={check}
              checking={checking}
              checkError={checkError}
              json={json}
              importAnyway={importAnyway}
              onImportAnyway={(anyway) => {
                setImportAnyway(anyway);
                runCheck(anyway);
              }}
              mode={mode}
              onMode={setMode}
              name={name}
              onName={setName}
              currentGraph={currentGraph}
            />
            {committing ? <StepProgress progress={committing} /> : null}
            {saveError ? (
              <div className="import-error" role="alert">
                <p>{saveError}</p>
                {unsaved ? (
                  <button type="button" className="button" onClick={() => finish(unsaved, null)}>
                    Open it without saving
                  </button>
                ) : null}
              </div>
            ) : null}
          </>
        ) : null}
        {step === 'done' ? <p role="status">{done}</p> : null}
      </div>
      <footer className="import-actions">
        {step === 'mapping' ? (
          <>
            <button type="button" className="button" onClick={startCheck}>
              Check rows
            </button>
            <button type="button" className="link-button" onClick={() => setStep('files')}>
              Choose other files
            </button>
          </>
        ) : null}
        {step === 'check' ? (
          <>
            <button
              type="button"
              className="button"
              disabled={!canImport}
              onClick={() => void confirm()}
            >
              {importLabel}
            </button>
            <button
              type="button"
              className="link-button"
              disabled={committing !== null}
              onClick={back}
            >
              {json ? 'Choose another file' : 'Back to fix the mapping'}
            </button>
          </>
        ) : null}
        <span className="spacer" />
        <button type="button" className="button secondary" onClick={onClose}>
          {step === 'done' ? 'Close' : 'Cancel'}
        </button>
      </footer>
    </dialog>
  );
}
