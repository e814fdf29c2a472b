// Documented input limits (README "Inputs and limits"). Past them input is refused with a
// message before it can exhaust the tab.

export const LIMITS = {
  /** Largest graph or table file read, in bytes. Checked before the file is read. */
  maxFileBytes: 100 * 1024 * 1024,
  /**
   * Longest graph text, in bytes, once a gzip-compressed file (or a response the server
   * compressed) is decompressed. Counted while it decompresses.
   */
  maxJsonBytes: 300 * 1024 * 1024,
  maxNodes: 300_000,
  maxEdges: 900_000,
  /** Most rows in one imported table. */
  maxTableRows: 600_000,
  maxSources: 1_000,
  /** Longest name, description, quote or other short field, in characters. */
  maxFieldLength: 10_000,
  /** Longest source text, in characters. */
  maxSourceTextLength: 2_000_000,
  /** Problems listed in full; the rest are counted. */
  maxProblemsListed: 200,
} as const;
