import { useEffect, useId, useRef, useState } from 'react';
import { DatasetList } from './import/DatasetList';

/** The toolbar's Data button: the bundled graph and stored datasets, and the import dialog. */
export function DataMenu(props: {
  datasetId: string | null;
  onOpenDataset(id: string | null): void;
  onDeleted(id: string): void;
  onImport(): void;
}) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onDown);
    };
  }, [open]);
  return (
    <div className="export">
      <button
        ref={button}
        type="button"
        className="toolbar-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        Data ▾
      </button>
      {open ? (
        <div ref={panel} id={id} className="menu-panel" role="region" aria-label="Datasets">
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen(false);
              props.onImport();
            }}
          >
            Import data…
          </button>
          <DatasetList
            currentId={props.datasetId}
            onOpen={(dataset) => {
              setOpen(false);
              props.onOpenDataset(dataset);
            }}
            onDeleted={props.onDeleted}
          />
        </div>
      ) : null}
    </div>
  );
}
