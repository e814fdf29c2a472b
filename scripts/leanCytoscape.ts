import type { Plugin } from 'vite';

/**
 * Cytoscape.js registers its whole library of graph algorithms (shortest paths, centralities,
 * clustering, spanning trees…) on the collection prototype when its module loads, so a bundler
 * cannot leave out the ones an app never calls. The explorer calls none of them: its metrics are
 * its own, and the force layout (fcose) finds components itself. They are 8.2 KB of the first
 * load's gzip (measured).
 *
 * The build therefore registers only the first entry of that list, breadth- and depth-first
 * search, which Cytoscape's own `components()` and breadthfirst layout use; the rest are then
 * unreferenced and dropped. ESLint forbids calling the dropped methods (eslint.config.js), since
 * Cytoscape's types still declare them.
 */

export { DROPPED_ALGORITHMS } from './cytoscapeAlgorithms.js';

/**
 * The statement in Cytoscape's ES module build that copies each algorithm module onto the
 * collection prototype: a literal list whose entries include the clustering and Tarjan modules,
 * followed by `.forEach(`. The bundle's variable names vary between releases; these do not.
 */
const REGISTRATION =
  /\[([^\]]*\bmarkovClustering[^\]]*\btarjanStronglyConnected[^\]]*)\]\.forEach\(/g;

/**
 * Rewrites Cytoscape's ES module so that only breadth/depth-first search is registered.
 * Throws when the code does not have exactly one such list: a Cytoscape release that changed it
 * should fail the build, not quietly ship the whole library again or drop something in use.
 */
export function leanCytoscapeCode(code: string): string {
  const found = [...code.matchAll(REGISTRATION)];
  if (found.length !== 1) {
    throw new Error(
      `leanCytoscape: expected one list registering Cytoscape's algorithms, found ${found.length}; ` +
        'check scripts/leanCytoscape.ts against this Cytoscape release',
    );
  }
  const match = found[0] as RegExpExecArray;
  const entries = (match[1] as string).split(',').map((entry) => entry.trim());
  const first = entries[0] ?? '';
  if (entries.length < 10 || !/^[\w$]+$/.test(first)) {
    throw new Error(`leanCytoscape: unexpected algorithm list [${entries.join(', ')}]`);
  }
  if (!new RegExp(`var ${first.replace(/\$/g, '\\$')} = \\{\\s*breadthFirstSearch\\b`).test(code)) {
    throw new Error(
      `leanCytoscape: the first algorithm module (${first}) is not breadth-first search`,
    );
  }
  return (
    code.slice(0, match.index) + `[${first}].forEach(` + code.slice(match.index + match[0].length)
  );
}

/** The Vite plugin: applies {@link leanCytoscapeCode} to Cytoscape's ES module in builds. */
export function leanCytoscape(): Plugin {
  return {
    name: 'partnership-atlas-lean-cytoscape',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]cytoscape[\\/]dist[\\/]cytoscape\.esm(\.min)?\.mjs$/.test(id.split('?')[0] ?? ''))
        return null;
      return { code: leanCytoscapeCode(code), map: null };
    },
  };
}
