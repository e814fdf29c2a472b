// CPU profiles of benchmark phases through the Chrome DevTools Protocol, and a summary of where
// the time went: self time and inclusive time per function, from the sampled call trees.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionTime {
  name: string;
  ms: number;
}

export interface PhaseProfile {
  phase: string;
  totalMs: number;
  /** Self time per package (node_modules/x) or source file (src/…), and GC. */
  modules: FunctionTime[];
  /** Time spent in the function's own code. */
  self: FunctionTime[];
  /** Time with the function anywhere on the stack (each sample counted once per function). */
  inclusive: FunctionTime[];
  /** Inclusive time of the app's own functions (src/), where the app can act. */
  app: FunctionTime[];
  file: string;
}

/** Maps a script URL and 0-based line to the module it came from, or undefined. */
export type ModuleOf = (url: string, line: number) => string | undefined;

/**
 * Reads the module banners (`// node_modules/cytoscape/…`, `// src/cy/bridge.ts`) that an
 * unminified Vite build writes before each module, so samples can be put down to a module.
 */
export function moduleMap(assetsDir: string): ModuleOf {
  const byFile = new Map<string, { line: number; module: string }[]>();
  for (const name of readdirSync(assetsDir).filter((f) => f.endsWith('.js'))) {
    const starts: { line: number; module: string }[] = [];
    readFileSync(join(assetsDir, name), 'utf8')
      .split('\n')
      .forEach((text, line) => {
        const m = /^\/\/ ((?:node_modules|src)\/\S+)$/.exec(text);
        if (!m?.[1]) return;
        const path = m[1];
        // Packages as a whole (all of cytoscape is one figure); app files one by one.
        const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
        starts.push({ line, module: pkg?.[1] ?? path });
      });
    byFile.set(name, starts);
  }
  return (url, line) => {
    const starts = byFile.get(url.split('/').pop() ?? '');
    if (!starts) return undefined;
    let found: string | undefined;
    for (const s of starts) {
      if (s.line > line) break;
      found = s.module;
    }
    return found;
  };
}

/** Runs `fn` under the sampling profiler and keeps the profile under `outDir`. */
export function profiler(
  outDir: string,
  label: string,
  results: PhaseProfile[],
  moduleOf: ModuleOf = () => undefined,
) {
  return async <T>(phase: string, cdp: CDPSession, fn: () => Promise<T>): Promise<T> => {
    // Set-up steps between measurements are not worth a profile.
    if (/-(clear|prepare)$/.test(phase)) return fn();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    try {
      return await fn();
    } finally {
      const stopped = await cdp.send('Profiler.stop').catch(() => null);
      if (stopped) {
        const profile: CpuProfile = stopped.profile;
        const file = join(outDir, `${label}-${phase}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        results.push({ phase, file, ...summarise(profile, moduleOf) });
      }
    }
  };
}

export function summarise(
  profile: CpuProfile,
  moduleOf: ModuleOf,
  top = 25,
): Omit<PhaseProfile, 'phase' | 'file'> {
  const moduleCache = new Map<number, string>();
  const moduleOfNode = (n: ProfileNode): string => {
    let m = moduleCache.get(n.id);
    if (m === undefined) {
      const f = n.callFrame;
      m = f.url ? (moduleOf(f.url, f.lineNumber) ?? (f.url.split('/').pop() || f.url)) : '';
      moduleCache.set(n.id, m);
    }
    return m;
  };
  const frameName = (n: ProfileNode): string => {
    const name = n.callFrame.functionName || '(anonymous)';
    const module = moduleOfNode(n);
    return module ? `${name} (${module})` : name;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const modules = new Map<string, number>();
  const app = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalUs = 0;
  samples.forEach((id, i) => {
    // A sample's delta is the time since the previous one; it is attributed to this sample.
    const us = deltas[i + 1] ?? deltas[i] ?? 0;
    totalUs += us;
    const leaf = byId.get(id);
    if (!leaf) return;
    const leafName = frameName(leaf);
    self.set(leafName, (self.get(leafName) ?? 0) + us);
    const module = moduleOfNode(leaf) || leaf.callFrame.functionName || '(native)';
    modules.set(module, (modules.get(module) ?? 0) + us);
    const onStack = new Set<string>();
    const appOnStack = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (!node) continue;
      const name = frameName(node);
      onStack.add(name);
      if (moduleOfNode(node).startsWith('src/')) appOnStack.add(name);
    }
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    for (const name of appOnStack) app.set(name, (app.get(name) ?? 0) + us);
  });
  const ranked = (m: Map<string, number>) =>
    [...m.entries()]
      // Idle is time the page waited, not work.
      .filter(([name]) => name !== '(root)' && name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000 }));
  return {
    totalMs: totalUs / 1000,
    modules: ranked(modules),
    self: ranked(self),
    inclusive: ranked(inclusive),
    app: ranked(app),
  };
}
