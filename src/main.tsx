// First: starts loading the graph before the modules below are evaluated.
import './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { startInitialLoad } from './store';
import './styles.css';

/**
 * The first render waits this long at most for the graph. A small graph (the bundled one) is in
 * by then, and the page renders once, with it, instead of a loading message first and the graph
 * a moment later; a large one shows its loading progress after this pause.
 */
const FIRST_RENDER_WAIT_MS = 120;

function render(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) {
  let rendered = false;
  const once = () => {
    if (rendered) return;
    rendered = true;
    // For profiling the start (DevTools, the benchmark's probes).
    performance.mark('atlas:render');
    render(root);
  };
  // A failed load is in the store too (shown by the first render), so settling either way counts.
  startInitialLoad().then(once, once);
  window.setTimeout(once, FIRST_RENDER_WAIT_MS);
}
