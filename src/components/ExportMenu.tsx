import { Suspense } from 'react';
import { LazyExportPanel } from './lazyParts';
import { usePopover } from './usePopover';

/** The toolbar's Export button; the menu's code (image and data writers) loads when opened. */
export function ExportMenu() {
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
        Export ▾
      </button>
      {open ? (
        <div ref={panel} id={id} className="menu-panel" role="region" aria-label="Export">
          <Suspense fallback={<p className="hint">Opening the export menu…</p>}>
            <LazyExportPanel />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
