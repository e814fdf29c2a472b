// A read-only window into the drawn view, for browser tests and the benchmark.
interface AtlasView {
  positions(): Record<string, { x: number; y: number }>;
  visibleNodes(): string[];
  visibleEdges(): string[];
  renderedPosition(id: string): { x: number; y: number } | null;
  zoom(): number;
  renderer: string;
}

interface Window {
  atlasView?: AtlasView;
}
