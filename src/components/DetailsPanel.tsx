import { Suspense } from 'react';
import { useAtlas } from '../store';
import { LazyDetails } from './lazyParts';

/** The details of the chosen institution or agreement; its code loads with the first choice. */
export function DetailsPanel() {
  const shown = useAtlas((s) => s.graph !== null && (s.focus !== null || s.agreement !== null));
  if (!shown) return null;
  return (
    <Suspense
      fallback={
        <aside className="details" aria-label="Details">
          <p className="hint">Loading the details…</p>
        </aside>
      }
    >
      <LazyDetails />
    </Suspense>
  );
}
