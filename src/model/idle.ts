// Work that waits until the browser is idle.

/** How long work may wait for an idle moment before it runs anyway. */
const IDLE_TIMEOUT_MS = 500;

/**
 * Runs `fn` once the browser is idle: after the frames that are due have been drawn. Where
 * there is no idle callback (Safari), after the next frame. Returns a cancel function.
 */
export function whenIdle(fn: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(handle);
  }
  let timer = 0;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
