import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { saveDataset } from '../../data/datasets';
import {
  buildImportedGraph,
  guessMapping,
  looksLikeAgreements,
  mergeGraphs,
  parseCsvFile,
  toProblem,
  emptyMapping,
  type Mapping,
  type ParsedTable,
  type TypeMap,
} from '../../data/import';
import { loadGraphFromFile } from '../../data/loadGraph';
import type { GraphData, Problem } from '../../model';
import { CheckStep, type ImportMode } from './CheckStep';
import { FileStep, type Reading } from './FileStep';
import { MappingStep } from './MappingStep';
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
  agreements: ParsedTable;
  institutions: ParsedTable | null;
}

const isJson = (f: File) => /\.json$/i.test(f.name) || f.type === 'application/json';
const baseName = (file: string) => file.replace(/\.[^.]+$/, '') || file;
const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

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
  const reading = useRef<AbortController | null>(null);
  const firstStep = useRef(true);
  const [step, setStep] = useState<Step>('files');
  const [progress, setProgress] = useState<Reading | null>(null);
  const [fileProblems, setFileProblems] = useState<Problem[]>([]);
  const [tables, setTables] = useState<Tables | null>(null);
  const [json, setJson] = useState<{ file: string; graph: GraphData } | null>(null);
  const [mapping, setMapping] = useState<Mapping>(emptyMapping);
  const [typeMap, setTypeMap] = useState<TypeMap>({});
  const [importAnyway, setImportAnyway] = useState(false);
  const [mode, setMode] = useState<ImportMode>('new');
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
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
    return () => reading.current?.abort();
  }, []);

  useEffect(() => {
    // Moving between steps replaces the content: the heading says where the user now is.
    if (firstStep.current) firstStep.current = false;
    else heading.current?.focus();
  }, [step]);

  const result = useMemo(
    () =>
      step === 'check' && tables
        ? buildImportedGraph({
            agreements: tables.agreements,
            institutions: tables.institutions ?? undefined,
            mapping,
            typeMap,
            importAnyway,
            fileNames: {
              agreements: tables.agreements.file,
              institutions: tables.institutions?.file,
            },
          })
        : null,
    [step, tables, mapping, typeMap, importAnyway],
  );

  const readTable = useCallback(
    async (file: File, signal: AbortSignal): Promise<ParsedTable | null> => {
      setProgress({ file: file.name, progress: null });
      try {
        return await parseCsvFile(
          file,
          (p) => {
            if (!signal.aborted) setProgress({ file: file.name, progress: p });
          },
          { signal },
        );
      } catch (e) {
        if (isAbort(e)) return null;
        throw e;
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
      const parsed: ParsedTable[] = [];
      for (const file of files) {
        const table = await readTable(file, signal);
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
      setJson(null);
      setName(baseName(agreements.file));
      setStep('mapping');
    },
    [readTable, startReading],
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

  async function addInstitutions(file: File) {
    if (!tables) return;
    const signal = startReading();
    const table = await readTable(file, signal);
    if (!table) return;
    if (table.fatal) {
      setFileProblems(table.problems.map(toProblem));
      return;
    }
    setTables({ ...tables, institutions: table });
    setMapping({ ...mapping, institutions: guessMapping([], table.columns).institutions });
  }

  function swapTables() {
    if (!tables?.institutions) return;
    const next = { agreements: tables.institutions, institutions: tables.agreements };
    setTables(next);
    setMapping(guessMapping(next.agreements.columns, next.institutions.columns));
    setTypeMap({});
  }

  function finish(graph: GraphData, datasetId: string | null) {
    const cleanName = name.trim();
    setDone(
      `“${cleanName}” is open: ${graph.elements.nodes.length.toLocaleString('en')} institutions, ${graph.elements.edges.length.toLocaleString('en')} agreements${datasetId ? ', kept in this browser' : ', not saved'}.`,
    );
    setStep('done');
    onImported({ graph, name: cleanName, mode, datasetId });
  }

  async function confirm() {
    const imported = json?.graph ?? result?.graph;
    const cleanName = name.trim();
    if (!imported || cleanName === '') return;
    setSaveError(null);
    let graph: GraphData = { ...imported, data: { ...imported.data, title: cleanName } };
    if (mode === 'merge' && currentGraph) {
      const merged = mergeGraphs(currentGraph, imported);
      if (!merged.ok) {
        setSaveError(merged.error);
        return;
      }
      graph = merged.value;
    }
    const files = json
      ? json.file
      : [tables?.agreements.file, tables?.institutions?.file].filter(Boolean).join(' and ');
    const origin =
      mode === 'merge' && currentGraph
        ? `${files} merged into “${currentGraph.data.title || 'the graph shown'}”`
        : `Imported from ${files}`;
    if (!save) {
      finish(graph, null);
      return;
    }
    setSaving(true);
    const saved = await saveDataset({ name: cleanName, graph, origin });
    setSaving(false);
    if (!saved.ok) {
      setSaveError(saved.error);
      setUnsaved(graph);
      return;
    }
    finish(graph, saved.value);
  }

  function back() {
    setSaveError(null);
    setUnsaved(null);
    if (json) {
      setJson(null);
      setStep('files');
    } else setStep('mapping');
  }

  const validRows = result?.validRows ?? 0;
  const canImport = (json !== null || validRows > 0) && name.trim() !== '' && !saving;
  const importLabel = json
    ? 'Import the graph'
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
              onAddInstitutions={(f) => void addInstitutions(f)}
              onRemoveInstitutions={() => setTables({ ...tables, institutions: null })}
              onSwap={swapTables}
            />
          </>
        ) : null}
        {step === 'check' ? (
          <>
            <CheckStep
              result={result}
              json={json}
              importAnyway={importAnyway}
              onImportAnyway={setImportAnyway}
              mode={mode}
              onMode={setMode}
              name={name}
              onName={setName}
              currentGraph={currentGraph}
            />
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
            <button type="button" className="button" onClick={() => setStep('check')}>
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
              {saving ? 'Saving…' : importLabel}
            </button>
            <button type="button" className="link-button" onClick={back}>
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
