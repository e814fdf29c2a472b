import { useEffect, useId, useState } from 'react';
import {
  deleteDataset,
  listDatasets,
  onDatasetsChanged,
  renameDataset,
  type DatasetMeta,
} from '../../data/datasets';
import './import.css';

export interface DatasetListProps {
  /** The open dataset's id; null when the bundled graph is open. */
  currentId: string | null;
  /** Open a stored dataset by id, or the bundled graph (null). */
  onOpen(id: string | null): void;
  /** Told after a dataset is deleted, e.g. to forget it if it was open. */
  onDeleted?(id: string): void;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function RenameForm(props: { dataset: DatasetMeta; onDone(error: string | null): void }) {
  const inputId = useId();
  const [value, setValue] = useState(props.dataset.name);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const r = await renameDataset(props.dataset.id, value);
    setBusy(false);
    props.onDone(r.ok ? null : r.error);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        New name for “{props.dataset.name}”
      </label>
      <input
        id={inputId}
        type="text"
        value={value}
        maxLength={200}
        autoFocus
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            // Escape cancels the rename, not the dialog or page around the list.
            e.preventDefault();
            e.stopPropagation();
            props.onDone(null);
          }
        }}
      />
      <button type="submit" className="button" disabled={busy || value.trim() === ''}>
        Save name
      </button>
      <button type="button" className="link-button" onClick={() => props.onDone(null)}>
        Cancel
      </button>
    </form>
  );
}

/** The bundled graph and the datasets kept in this browser: open, rename, delete. */
export function DatasetList({ currentId, onOpen, onDeleted }: DatasetListProps) {
  const titleId = useId();
  const [datasets, setDatasets] = useState<DatasetMeta[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () => {
      void listDatasets().then((r) => {
        if (!live) return;
        if (r.ok) {
          setDatasets(r.value);
        } else {
          setDatasets([]);
          setError(r.error);
        }
      });
    };
    load();
    const stop = onDatasetsChanged(load);
    return () => {
      live = false;
      stop();
    };
  }, []);

  const remove = async (d: DatasetMeta) => {
    setConfirming(null);
    const r = await deleteDataset(d.id);
    if (!r.ok) setError(r.error);
    else {
      setError(null);
      onDeleted?.(d.id);
    }
  };

  return (
    <section className="dataset-list" aria-labelledby={titleId}>
      <h2 id={titleId}>Datasets</h2>
      {error ? (
        <p className="import-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul>
        <li className={currentId === null ? 'current' : undefined}>
          <span className="dataset-name">Bundled graph</span>
          <button
            type="button"
            className="link-button"
            aria-label="Open the bundled graph"
            aria-current={currentId === null ? 'true' : undefined}
            onClick={() => onOpen(null)}
          >
            {currentId === null ? 'Open now' : 'Open'}
          </button>
          <span className="dataset-meta">Shipped with this site.</span>
        </li>
        {(datasets ?? []).map((d) => (
          <li key={d.id} className={currentId === d.id ? 'current' : undefined}>
            {renaming === d.id ? (
              <RenameForm
                dataset={d}
                onDone={(e) => {
                  setRenaming(null);
                  setError(e);
                }}
              />
            ) : (
              <>
                <span className="dataset-name">{d.name}</span>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Open “${d.name}”`}
                  aria-current={currentId === d.id ? 'true' : undefined}
                  onClick={() => onOpen(d.id)}
                >
                  {currentId === d.id ? 'Open now' : 'Open'}
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Rename “${d.name}”`}
                  onClick={() => {
                    setConfirming(null);
                    setRenaming(d.id);
                  }}
                >
                  Rename
                </button>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Delete “${d.name}”`}
                  onClick={() => {
                    setRenaming(null);
                    setConfirming(d.id);
                  }}
                >
                  Delete
                </button>
              </>
            )}
            <span className="dataset-meta">
              {d.institutions.toLocaleString('en')} institutions,{' '}
              {d.agreements.toLocaleString('en')} agreements · {d.origin} · changed{' '}
              {dateFormat.format(d.updatedAt)}
            </span>
            {confirming === d.id ? (
              <div className="confirm" role="group" aria-label={`Confirm deleting “${d.name}”`}>
                <span>Delete “{d.name}” from this browser? This cannot be undone.</span>
                <button type="button" className="button" onClick={() => void remove(d)}>
                  Delete
                </button>
                <button
                  type="button"
                  className="link-button"
                  autoFocus
                  onClick={() => setConfirming(null)}
                >
                  Keep it
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {datasets !== null && datasets.length === 0 && !error ? (
        <p className="hint">No datasets kept yet: imported data appears here.</p>
      ) : null}
    </section>
  );
}
