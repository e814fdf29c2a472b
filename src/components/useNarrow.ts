import { useSyncExternalStore } from 'react';

/**
 * Screens narrower than this (phones, tablets upright) get the compact layout: filters in a
 * drawer, details over the canvas, the legend closed at first. styles.css uses the same width.
 */
export const NARROW_QUERY = '(max-width: 1023px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the window is narrow (see NARROW_QUERY); follows resizes and rotations. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}
