import { Suspense } from 'react';
import { LazyDatasetList } from './lazyParts';
import { usePopover } from './usePopover';

/** The toolbar's Data button: the bundled graph and stored datasets, and the import dialog. */
export function DataMenu(props: {
  datasetId: string | null;
  onOpenDataset(id: string | null): void;
  onDeleted(id: string): void;
  onImport(): void;
}) {
  const { open, setOpen, panel, button, id } = usePopover();
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
          <Suspense fallback={<p className="hint">Looking for saved datasets…</p>}>
            <LazyDatasetList
              currentId={props.datasetId}
              onOpen={(dataset) => {
                setOpen(false);
                props.onOpenDataset(dataset);
              }}
              onDeleted={props.onDeleted}
            />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
