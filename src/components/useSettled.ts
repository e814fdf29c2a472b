import { useEffect, useState } from 'react';
import { whenIdle } from '../model';

/**
 * `value` as it was when the browser was last idle: the first render has it at once, a change
 * follows once the frames it causes are drawn. For figures counted over the whole graph after a
 * filter change (the filter panel's and the legend's counts): with React's deferred value they
 * were counted between the network's first and second frames after the change, 90 ms in the
 * way at 300,000 institutions. When `scope` changes (another graph is opened), the value is
 * taken at once: an old value would be counted against the new graph.
 */
export function useSettled<T>(value: T, scope?: unknown): T {
  const [settled, setSettled] = useState({ value, scope });
  // In another scope the value is taken at once (React renders again before it commits).
  const rescoped = !Object.is(settled.scope, scope);
  if (rescoped) setSettled({ value, scope });
  const shown = rescoped ? value : settled.value;
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    return whenIdle(() => setSettled({ value, scope }));
  }, [value, scope, shown]);
  return shown;
}
