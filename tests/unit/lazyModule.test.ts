// @vitest-environment jsdom
// A chunk that failed to load is asked for again under another address: some browsers remember
// the failed module and fail every later import of the same one without fetching it.
import { describe, expect, it } from 'vitest';
import { failedScript, lazyModule } from '../../src/model';

const here = window.location.origin;

describe('failedScript', () => {
  it("reads the script from Chromium's and Firefox's messages", () => {
    expect(
      failedScript(
        new TypeError(`Failed to fetch dynamically imported module: ${here}/assets/search-6UI6.js`),
      ),
    ).toBe(`${here}/assets/search-6UI6.js`);
    expect(
      failedScript(new TypeError(`error loading dynamically imported module: ${here}/a/b-1.mjs`)),
    ).toBe(`${here}/a/b-1.mjs`);
  });

  it('names none where the message names none, or another site', () => {
    expect(failedScript(new TypeError('Importing a module script failed.'))).toBeNull();
    expect(
      failedScript(
        new TypeError('Failed to fetch dynamically imported module: https://x.test/a.js'),
      ),
    ).toBeNull();
    expect(failedScript('not an error')).toBeNull();
  });
});

describe('lazyModule', () => {
  it('tries again after a failure, and keeps the module once loaded', async () => {
    let calls = 0;
    const m = lazyModule(async () => {
      calls++;
      if (calls === 1) throw new TypeError('Importing a module script failed.');
      return { value: 42 };
    }, 'loadIt');
    await expect(m.load()).rejects.toThrow('Importing a module script failed.');
    expect(m.get()).toBeNull();
    expect(() => m.need('It')).toThrow('It is not loaded: call loadIt() first.');
    await m.load();
    expect(m.get()).toEqual({ value: 42 });
    await m.load();
    expect(calls).toBe(2);
  });
});
