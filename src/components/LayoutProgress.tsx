import { useEffect, useMemo, useState } from 'react';
import { computeLayout, estimateMs } from '../layout/computeLayout';
import { missingPositions } from '../layout/positions';
import type { GraphData } from '../model';
import { useAtlas } from '../store';

const count = (n: number) => n.toLocaleString('en');

/**
 * A graph without stored positions gets a draft force layout in a worker; meanwhile its
 * institutions stand in a provisional disc and this bar shows the estimated progress. When
 * the positions arrive the store swaps in the laid-out graph, which has none missing.
 */
export function LayoutProgress() {
  const graph = useAtlas((s) => s.graph);
  const missing = useMemo(() => (graph ? missingPositions(graph) : 0), [graph]);
  const [elapsed, setElapsed] = useState(0);
  const [failure, setFailure] = useState<{ graph: GraphData; message: string } | null>(null);

  useEffect(() => {
    if (!graph || missing === 0) return;
    const controller = new AbortController();
    const started = performance.now();
    const timer = window.setInterval(() => setElapsed(performance.now() - started), 250);
    computeLayout(graph, controller.signal).then(
      (positions) => useAtlas.getState().positionsComputed(graph, positions),
      (e: unknown) => {
        if (!controller.signal.aborted) {
          setFailure({ graph, message: e instanceof Error ? e.message : String(e) });
        }
      },
    );
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [graph, missing]);

  if (!graph || missing === 0) return null;
  if (failure?.graph === graph) {
    return (
      <div className="layout-progress" role="status">
        The file has no positions and the layout failed ({failure.message}); institutions stay in a
        disc. The other layouts (concentric, by country, map) work.
      </div>
    );
  }
  const nodes = graph.elements.nodes.length;
  const percent = Math.round(Math.min(0.95, elapsed / estimateMs(nodes)) * 100);
  return (
    <div className="layout-progress" role="status" data-testid="layout-progress">
      <span>
        Placing {count(nodes)} institutions (the file has no positions)… {percent} %
      </span>
      <progress max={100} value={percent} aria-label="Layout progress" />
    </div>
  );
}
