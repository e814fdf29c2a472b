// Production builds the benchmark needs besides dist/: the reference page, the in-page probe
// (one IIFE, injected as an init script), and for --profile an unminified copy of the app so
// that profiles name functions. All through Vite's JS API, into bench-results/tmp/.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(here, '../..');

export async function buildReference(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(here, 'reference'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

/** Builds probe.ts into `<outDir>/probe.js`; returns the file. */
export async function buildProbe(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      lib: {
        entry: join(here, 'probe.ts'),
        formats: ['iife'],
        name: '__benchProbeModule',
        fileName: () => 'probe.js',
      },
    },
  });
  return join(outDir, 'probe.js');
}

/** The app as `npm run build` makes it, but unminified, for readable CPU profiles. */
export async function buildUnminifiedApp(outDir: string): Promise<void> {
  await build({
    root: PROJECT_ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: false },
  });
}

export interface InitialFile {
  file: string;
  kind: 'js' | 'css';
  bytes: number;
  gzipBytes: number;
}

export interface InitialDownload {
  files: InitialFile[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  /**
   * The JS the seed graph's first frame needed: what index.html references plus the chunks the
   * page fetched before that frame (the graph's checking code loads at once, for instance).
   */
  beforeFirstFrame?: { files: InitialFile[]; jsGzipBytes: number };
}

/**
 * The JS and CSS an index.html references directly (module scripts, module preloads and
 * stylesheets), with gzip sizes at level 9 as a static host would serve them precompressed.
 */
export function initialDownload(siteDir: string): InitialDownload {
  const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
  const files: InitialFile[] = [];
  const seen = new Set<string>();
  const add = (ref: string | undefined, kind: 'js' | 'css') => {
    if (!ref || /^[a-z]+:/i.test(ref) || seen.has(ref)) return;
    seen.add(ref);
    const path = join(siteDir, ref.split('?')[0] ?? ref);
    if (!existsSync(path)) return;
    const body = readFileSync(path);
    files.push({
      file: ref,
      kind,
      bytes: body.length,
      gzipBytes: gzipSync(body, { level: 9 }).length,
    });
  };
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) add(attr(tag, 'src'), 'js');
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel') ?? '';
    if (rel === 'stylesheet') add(attr(tag, 'href'), 'css');
    else if (rel === 'modulepreload') add(attr(tag, 'href'), 'js');
  }
  const sum = (kind: 'js' | 'css') =>
    files.filter((f) => f.kind === kind).reduce((s, f) => s + f.gzipBytes, 0);
  return { files, jsGzipBytes: sum('js'), cssGzipBytes: sum('css') };
}

/** Adds to `initial` the scripts at `paths` (from the site's root) that it does not list. */
export function withScriptsBeforeFrame(
  siteDir: string,
  initial: InitialDownload,
  paths: readonly string[],
): InitialDownload {
  const files = initial.files.filter((f) => f.kind === 'js');
  const listed = new Set(files.map((f) => join(siteDir, f.file.split('?')[0] ?? f.file)));
  for (const path of new Set(paths)) {
    const file = join(siteDir, path);
    if (listed.has(file) || !existsSync(file)) continue;
    listed.add(file);
    const body = readFileSync(file);
    files.push({
      file: path,
      kind: 'js',
      bytes: body.length,
      gzipBytes: gzipSync(body, { level: 9 }).length,
    });
  }
  const jsGzipBytes = files.reduce((s, f) => s + f.gzipBytes, 0);
  return { ...initial, beforeFirstFrame: { files, jsGzipBytes } };
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}
