import { useId, useState, type DragEvent } from 'react';
import { LIMITS } from '../../data/limits';
import type { ParseProgress } from '../../data/import';
import type { Problem } from '../../model';
import { ProblemList } from '../ProblemList';
import { TemplateHelp } from './TemplateHelp';

export interface Reading {
  file: string;
  progress: ParseProgress | null;
}

function ProgressLine({ reading }: { reading: Reading }) {
  const p = reading.progress;
  const percent = p && p.total > 0 ? Math.round((100 * p.bytes) / p.total) : null;
  const what = p?.phase === 'parsing' ? 'Reading the rows of' : 'Loading';
  return (
    <div className="import-progress" role="status">
      <span>
        {what} {reading.file}…{percent !== null ? ` ${percent}%` : ''}
      </span>
      <progress
        aria-label={`${what} ${reading.file}`}
        max={p?.total ?? 1}
        value={p ? p.bytes : undefined}
      />
    </div>
  );
}

/** Step 1: choose or drop the files. */
export function FileStep(props: {
  onFiles(files: File[]): void;
  reading: Reading | null;
  problems: Problem[];
}) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const drop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    // The page may open files dropped anywhere on it as graphs; this drop is the importer's.
    e.stopPropagation();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) props.onFiles(files);
  };
  const mb = Math.round(LIMITS.maxFileBytes / 1024 / 1024);

  return (
    <>
      <label
        htmlFor={inputId}
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <strong>Drop files here, or choose files</strong>
        An agreements table as CSV, optionally with an institutions table — or a graph file (.json)
        saved from this site or Cytoscape. Up to {mb} MB each.
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          multiple
          accept=".csv,.tsv,.txt,.json,text/csv,text/plain,application/json"
          disabled={props.reading !== null}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            // Cleared so choosing the same file again after fixing it reads it again.
            e.target.value = '';
            if (files.length > 0) props.onFiles(files);
          }}
        />
      </label>
      {props.reading ? <ProgressLine reading={props.reading} /> : null}
      {props.problems.length > 0 ? (
        <div className="import-error" role="alert">
          <ProblemList problems={props.problems} />
        </div>
      ) : null}
      <TemplateHelp />
    </>
  );
}
