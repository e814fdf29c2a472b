import { useId, useState, type DragEvent } from 'react';
import { LIMITS } from '../../data/limits';
import type { ParseProgress } from '../../data/import';
import type { Problem } from '../../model';
import { ProblemList } from '../ProblemList';
import { ProgressLine } from './ProgressLine';
import { TemplateHelp } from './TemplateHelp';

export interface Reading {
  file: string;
  progress: ParseProgress | null;
}

function ReadingLine({ reading }: { reading: Reading }) {
  const p = reading.progress;
  const what = p?.phase === 'parsing' ? 'Reading the rows of' : 'Loading';
  return (
    <ProgressLine
      label={`${what} ${reading.file}`}
      done={p ? p.bytes : null}
      total={p?.total ?? 1}
    />
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
        An agreements table as CSV, optionally with an institutions table — or a graph file (.json,
        or .json.gz) saved from this site or Cytoscape. Up to {mb} MB each.
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          multiple
          accept=".csv,.tsv,.txt,.json,.gz,text/csv,text/plain,application/json,application/gzip"
          disabled={props.reading !== null}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            // Cleared so choosing the same file again after fixing it reads it again.
            e.target.value = '';
            if (files.length > 0) props.onFiles(files);
          }}
        />
      </label>
      {props.reading ? <ReadingLine reading={props.reading} /> : null}
      {props.problems.length > 0 ? (
        <div className="import-error" role="alert">
          <ProblemList problems={props.problems} />
        </div>
      ) : null}
      <TemplateHelp />
    </>
  );
}
