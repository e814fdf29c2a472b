/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { leanCytoscape } from './scripts/leanCytoscape.ts';

type ChunkingContext = Rolldown.ChunkingContext;

const graphFile = fileURLToPath(new URL('./data/graph.json', import.meta.url));

/**
 * Serves data/graph.json as ./graph.json in development and copies it beside index.html in the
 * build, so a site owner can swap the file without rebuilding.
 */
function bundledGraph(): Plugin {
  return {
    name: 'partnership-atlas-graph',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0]?.endsWith('/graph.json')) {
          res.setHeader('Content-Type', 'application/json');
          res.end(readFileSync(graphFile));
          return;
        }
        next();
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'graph.json', source: readFileSync(graphFile) });
    },
  };
}

/**
 * A strict Content-Security-Policy for the built page: no inline script, no eval. Graph files
 * may come from any http(s) address (graph=), images and exports use blob: and data: URLs.
 * Added at build time only: the dev server injects inline scripts for hot reload.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline styles only (Cytoscape and React set element styles); scripts stay strict.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  'connect-src * blob: data:',
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'partnership-atlas-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Every start checks the graph it shows with the graph checker's chunk (see firstLoadChunk), a
 * dynamic import the browser would only request once the app's chunk has run; a modulepreload
 * link has it fetched alongside that chunk instead.
 */
function preloadGraphChecker(): Plugin {
  return {
    name: 'partnership-atlas-preload-checker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.name === 'checkGraph',
        );
        if (!chunk) throw new Error('no checkGraph chunk to preload');
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `./${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

/**
 * Everything the page's first load needs goes into one chunk: left to itself the bundler splits
 * the modules the first load shares with lazily loaded parts into a dozen small files, and
 * separately compressed they weigh some 3 KB (gzip) more. A module belongs to the first load
 * when a chain of static imports leads to it from an entry. The graph checker (quick parse and
 * validator) is fetched by every start as soon as it begins, in parallel with the graph: one
 * chunk of its own. The rest keeps the automatic split.
 */
function firstLoadChunk(id: string, ctx: ChunkingContext): string | null {
  if (reachedStatically(id, ctx, new Set())) return 'app';
  if (/\/src\/data\/(quickParse|validateGraph)\.ts$/.test(id)) return 'checkGraph';
  return null;
}

/** Whether an entry reaches `id` through static imports (a search up its importers). */
function reachedStatically(id: string, ctx: ChunkingContext, seen: Set<string>): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  const info = ctx.getModuleInfo(id);
  return (
    info !== null &&
    (info.isEntry || info.importers.some((importer) => reachedStatically(importer, ctx, seen)))
  );
}

export default defineConfig({
  // Relative asset paths: the built site works from any folder of any static host.
  base: './',
  plugins: [
    react(),
    leanCytoscape(),
    bundledGraph(),
    contentSecurityPolicy(),
    preloadGraphChecker(),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    // Every browser the app supports (es2022) knows <link rel="modulepreload">: no polyfill.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: firstLoadChunk }] } },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/helpers/setup.ts'],
  },
});
