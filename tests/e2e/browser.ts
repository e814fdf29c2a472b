// Which browser the tests drive. Debian's `chromium` by default (browser downloads fail on
// closed networks); PLAYWRIGHT_CHROMIUM=/path selects another binary, PLAYWRIGHT_BUNDLED=1
// Playwright's own. Without any, browser tests are skipped with a message, except under CI.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function which(cmd: string): string | null {
  try {
    const out = execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim();
    return out || null;
  } catch {
    return null;
  }
}

export function findChromium(): string | null {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return which('chromium') ?? which('chromium-browser');
}

export function browserLaunch(): LaunchOptions {
  if (process.env.PLAYWRIGHT_BUNDLED === '1') return {};
  const executablePath = findChromium();
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}

/** Null when tests can run; otherwise why they are skipped. Under CI a missing browser fails. */
export function browserMissing(): string | null {
  if (process.env.PLAYWRIGHT_BUNDLED === '1' || findChromium()) return null;
  const why =
    'No Chromium found: install Debian\'s "chromium" package, set PLAYWRIGHT_CHROMIUM=/path/to/chromium, or PLAYWRIGHT_BUNDLED=1 to use Playwright\'s own browser.';
  if (process.env.CI) throw new Error(`${why} (CI is set, so a missing browser fails the run.)`);
  return why;
}
