import { formatCount as f } from '../model';
import { selectVisible, useAtlas } from '../store';
import { loadingText } from './LoadingMessage';

export function statusText(n: number, t: number, m: number, u: number): string {
  return `Showing ${f(n)} of ${f(t)} institutions · ${f(m)} of ${f(u)} agreements`;
}

/** Always visible: what the filters leave on screen. */
export function StatusBar() {
  const graph = useAtlas((s) => s.graph);
  const visible = useAtlas(selectVisible);
  const status = useAtlas((s) => s.status);
  const source = useAtlas((s) => s.graphSource);
  const progress = useAtlas((s) => s.loadProgress);
  return (
    <footer className="status" role="status" aria-live="polite">
      <span data-testid="status-line">
        {graph
          ? statusText(
              visible.nodes.size,
              graph.elements.nodes.length,
              visible.edges.size,
              graph.elements.edges.length,
            )
          : status === 'loading'
            ? loadingText(progress)
            : 'No graph loaded'}
      </span>
      {graph ? <span className="status-source">{graph.data.title || source}</span> : null}
    </footer>
  );
}
