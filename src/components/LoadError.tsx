import { useAtlas } from '../store';
import { ProblemList } from './ProblemList';

/** Shown when a graph fails to load; if one was shown before, it stays underneath. */
export function LoadError({ onRetryDefault }: { onRetryDefault(): void }) {
  const status = useAtlas((s) => s.status);
  const problems = useAtlas((s) => s.problems);
  const source = useAtlas((s) => s.graphSource);
  const hasGraph = useAtlas((s) => s.graph !== null);
  if (status !== 'error') return null;
  return (
    <div className={hasGraph ? 'load-error banner' : 'load-error'} role="alert">
      <h2>The graph “{source}” could not be loaded</h2>
      <ProblemList problems={problems} />
      {hasGraph ? <p>The graph shown before is still open.</p> : null}
      <button type="button" className="button" onClick={onRetryDefault}>
        Open the bundled graph instead
      </button>
    </div>
  );
}
