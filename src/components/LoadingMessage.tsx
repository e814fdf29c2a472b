import { useEffect } from 'react';
import { prepareRenderer } from '../cy';
import type { LoadProgress } from '../data/load/graphLoader';
import { useAtlas } from '../store';

const PHASES: Record<LoadProgress['phase'], string> = {
  reading: 'reading the file',
  checking: 'checking it',
};

/** "Loading the partnership graph… reading the file (45 %)", from the store's load progress. */
export function loadingText(progress: LoadProgress | null): string {
  const head = 'Loading the partnership graph…';
  if (!progress) return head;
  const pct = progress.fraction === null ? '' : ` (${Math.floor(progress.fraction * 100)} %)`;
  return `${head} ${PHASES[progress.phase]}${pct}`;
}

/** Shown in place of the network until the first graph arrives. */
export function LoadingMessage() {
  const progress = useAtlas((s) => s.loadProgress);
  // A large file is being checked in the worker, for a second or more: the page is idle, and
  // the renderer for big graphs can be chosen now rather than when the graph arrives.
  const checking = progress?.phase === 'checking';
  useEffect(() => {
    if (!checking) return;
    const timer = setTimeout(prepareRenderer, 0);
    return () => clearTimeout(timer);
  }, [checking]);
  return (
    <div className="loading" role="status">
      {loadingText(progress)}
    </div>
  );
}
