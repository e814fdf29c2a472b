import { useRef } from 'react';
import { loadGraphFromFile } from '../data/load/graphLoader';
import { decodeView } from '../filters';
import { useAtlas } from '../store';

/** Opens a graph file chosen by the user or dropped on the page; the current view stays on failure. */
export async function openGraphFile(file: File): Promise<void> {
  const store = useAtlas.getState();
  const result = await loadGraphFromFile(file);
  if (!result.graph) {
    store.loadFailed(file.name, result.problems);
    return;
  }
  const saved = result.graph.data.view;
  const { state, notices } = decodeView(saved ?? '');
  store.addNotices(notices);
  store.loadSucceeded(result.graph, file.name, state);
}

export function OpenGraphButton() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="toolbar-button"
        title="Open a graph file (JSON, or gzip-compressed .json.gz) exported from Partnership Atlas or Cytoscape"
        onClick={() => input.current?.click()}
      >
        Open…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.gz,application/json,application/gzip"
        className="visually-hidden"
        aria-label="Open graph file"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void openGraphFile(file);
          e.target.value = '';
        }}
      />
    </>
  );
}
