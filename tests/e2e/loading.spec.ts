// How a graph gets onto the page: a large file is parsed and checked in a worker and arrives in
// parts while the page shows how far it has got; the small bundled graph is parsed on the page
// (quicker than starting a worker); a slow download is parsed as it arrives; a broken large file
// is still named, line and column.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { generateGraph } from '../../scripts/bench/generate';
import { expect, statusCounts, test } from './fixtures';

const big = JSON.stringify(generateGraph(4000, 5));

function loadInfo(page: Page) {
  return page.evaluate(
    () => (window as unknown as { __atlasLoad?: { parsedIn: string; bytes: number } }).__atlasLoad,
  );
}

/** Opens `url` through graph=, sees the download's percentage, and counts what is shown. */
async function loadWithProgress(page: Page, url: string) {
  await page.goto(`./?graph=${encodeURIComponent(url)}`);
  await expect(page.locator('.loading[role=status]')).toHaveText(/reading the file \(\d+ %\)/);
  return statusCounts(page);
}

/**
 * A server on another origin (CORS allowed) that sends `body` a chunk of `chunk` bytes every
 * 8 ms, with its length declared.
 */
async function slowServer(body: Buffer, type: string, chunk: number) {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': type,
      'content-length': String(body.length),
      'access-control-allow-origin': '*',
    });
    let at = 0;
    const timer = setInterval(() => {
      res.write(body.subarray(at, at + chunk));
      at += chunk;
      if (at >= body.length) {
        clearInterval(timer);
        res.end();
      }
    }, 8);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, close: () => server.close() };
}

test('a large graph is read off the page, with progress shown while it loads', async ({ page }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/big.json', async (route) => {
    await held;
    await route.fulfill({ status: 200, contentType: 'application/json', body: big });
  });
  await page.goto('./?graph=big.json');
  const loading = page.locator('.loading[role=status]');
  await expect(loading).toHaveText(/^Loading the partnership graph… reading the file/);
  release();
  const counts = await statusCounts(page);
  expect(counts.total).toBe(4000);
  expect(await loadInfo(page)).toMatchObject({ parsedIn: 'worker', bytes: Buffer.byteLength(big) });
  // The worker's graph is the whole graph: every agreement counted.
  expect(counts.totalEdges).toBe(JSON.parse(big).elements.edges.length);
});

test('a large graph on a slow line is parsed while it downloads', async ({ page }) => {
  const text = JSON.stringify(generateGraph(6000, 6));
  const body = Buffer.from(text);
  // About 8 MB/s, 64 KB every 8 ms.
  const { port, close } = await slowServer(body, 'application/json', 65536);
  try {
    const counts = await loadWithProgress(page, `http://127.0.0.1:${port}/slow.json`);
    expect(counts.total).toBe(6000);
    expect(counts.totalEdges).toBe(JSON.parse(text).elements.edges.length);
    expect(await loadInfo(page)).toEqual({
      parsedIn: 'worker',
      bytes: body.length,
      streamed: true,
    });
  } finally {
    close();
  }
});

test('a gzip-compressed graph (.json.gz) loads through graph=, decompressed as it arrives', async ({
  page,
}) => {
  // As static hosts serve it: application/gzip, no Content-Encoding; sent in slow chunks.
  const text = JSON.stringify(generateGraph(6000, 7));
  const packed = gzipSync(text);
  const { port, close } = await slowServer(packed, 'application/gzip', 16384);
  try {
    // Progress counts the compressed bytes against the size the server declared.
    const counts = await loadWithProgress(page, `http://127.0.0.1:${port}/big.json.gz`);
    expect(counts.total).toBe(6000);
    expect(counts.totalEdges).toBe(JSON.parse(text).elements.edges.length);
    // The worker parsed the decompressed text.
    expect(await loadInfo(page)).toMatchObject({
      parsedIn: 'worker',
      bytes: Buffer.byteLength(text),
    });
  } finally {
    close();
  }
});

test('a gzip-compressed graph opens through Open…; a damaged one is refused, the view kept', async ({
  page,
}) => {
  await page.goto('./');
  const before = await statusCounts(page);
  const packed = gzipSync(big);
  await page.getByLabel('Open graph file').setInputFiles({
    name: 'damaged.json.gz',
    mimeType: 'application/gzip',
    buffer: packed.subarray(0, packed.length >> 1),
  });
  await expect(page.getByRole('alert')).toContainText(
    'The file is gzip-compressed, but it could not be decompressed: it is damaged or cut short.',
  );
  await expect(page.getByRole('alert')).toContainText('damaged.json.gz');
  expect((await statusCounts(page)).total).toBe(before.total);
  await page.getByLabel('Open graph file').setInputFiles({
    name: 'register.json.gz',
    mimeType: 'application/gzip',
    buffer: packed,
  });
  await expect.poll(async () => (await statusCounts(page)).total).toBe(4000);
});

test('a gzip file that decompresses past the limit is stopped there, with a message', async ({
  page,
}) => {
  // 310 MB of zeros, about 300 KB compressed: a small download that would fill the memory.
  const bomb = gzipSync(Buffer.alloc(310 * 1024 * 1024));
  await page.route('**/bomb.json.gz', (route) =>
    route.fulfill({ status: 200, contentType: 'application/gzip', body: bomb }),
  );
  await page.goto('./?graph=bomb.json.gz');
  await expect(page.getByRole('alert')).toContainText(
    "The file decompresses to more than 300 MB, the limit for a graph's text.",
  );
  // The page still works: the bundled graph opens from the message.
  await page.getByRole('button', { name: 'Open the bundled graph instead' }).click();
  expect((await statusCounts(page)).total).toBeGreaterThan(50);
});

test('the bundled graph is parsed on the page', async ({ page }) => {
  await page.goto('./');
  await statusCounts(page);
  expect((await loadInfo(page))?.parsedIn).toBe('page');
});

test('a broken large file is refused with its line and column, from the worker', async ({
  page,
}) => {
  // Cut off in the middle of the agreements.
  const cut = big.slice(0, Math.floor(big.length * 0.8));
  await page.route('**/cut.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: cut }),
  );
  await page.goto('./?graph=cut.json');
  await expect(page.getByRole('alert')).toContainText(/Not valid JSON at line 1, column \d+/);
  expect((await loadInfo(page))?.parsedIn).toBe('worker');
});

test('a large file with a problem in its last agreement is refused, whatever had arrived', async ({
  page,
}) => {
  // Parts before the last one pass the checks and reach the page while the rest is checked.
  const graph = JSON.parse(big) as { elements: { edges: { data: { target: string } }[] } };
  const last = graph.elements.edges.length - 1;
  const lastEdge = graph.elements.edges[last];
  if (!lastEdge) throw new Error('no agreements');
  lastEdge.data.target = 'nobody-here';
  await page.route('**/late.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(graph) }),
  );
  await page.goto('./?graph=late.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'The target "nobody-here" is not an institution in this graph.',
  );
  await expect(alert).toContainText(`elements.edges[${last}].data.target`);
  expect((await loadInfo(page))?.parsedIn).toBe('worker');
  // Nothing of the refused graph is shown.
  await expect(page.getByTestId('status-line')).not.toContainText('Showing');
});

test('menus fetched ahead while idle open without a loading step', async ({ page }) => {
  await page.goto('./');
  await statusCounts(page);
  // The idle prefetch has fetched the export menu's code.
  await expect
    .poll(() =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').some((r) => /ExportPanel-[^/]*\.js$/.test(r.name)),
      ),
    )
    .toBe(true);
  await page.evaluate(() => {
    const w = window as unknown as { __sawFallback?: boolean };
    w.__sawFallback = false;
    new MutationObserver(() => {
      if (document.body.textContent?.includes('Opening the export menu')) w.__sawFallback = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.getByRole('button', { name: 'Export ▾' }).click();
  await expect(page.getByRole('button', { name: 'GraphML', exact: true })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __sawFallback?: boolean }).__sawFallback),
  ).toBe(false);
});

test('nothing on the way to the first frame sets up an Intl collator or formatter', async ({
  page,
}) => {
  // The first localeCompare or Intl object on a page costs ~10 ms of ICU set-up here.
  // Code fetched ahead in idle time after the first frame may use Intl; only calls before the
  // status line first says "Showing" count.
  await page.addInitScript(() => {
    const calls: string[] = [];
    let ready = false;
    Reflect.set(window, '__intlCalls', calls);
    const note = (what: string) => {
      if (!ready) calls.push(what);
    };
    new MutationObserver((_, observer) => {
      const status = document.querySelector('[data-testid="status-line"]');
      if (status?.textContent?.startsWith('Showing')) {
        ready = true;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
    const original = String.prototype.localeCompare;
    String.prototype.localeCompare = function (this: string, ...args: Parameters<typeof original>) {
      note('localeCompare');
      return original.apply(this, args);
    };
    for (const name of ['Collator', 'NumberFormat', 'DateTimeFormat', 'PluralRules'] as const) {
      const Ctor = Intl[name] as unknown as new (...a: unknown[]) => object;
      const wrapped = function (...a: unknown[]) {
        note(name);
        return new Ctor(...a);
      };
      wrapped.prototype = Ctor.prototype;
      Reflect.set(Intl, name, wrapped);
    }
  });
  await page.goto('./');
  await expect(page.getByTestId('status-line')).toContainText('Showing');
  const calls = await page.evaluate(() => Reflect.get(window, '__intlCalls') as string[]);
  expect(calls).toEqual([]);
  // The country list is still alphabetical.
  const names = await page
    .getByRole('list', { name: 'Countries' })
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((b) => b.closest('label')?.textContent?.trim() ?? ''));
  expect(names.length).toBeGreaterThan(5);
  expect(names[0]).toMatch(/^Australia/);
});

test('code fetched ahead in idle time waits until the network is on screen', async ({ page }) => {
  // The first drawing call on the network's canvases, and when each script was requested. Until
  // then, animation frames come 150 ms late, as on a busy machine: the browser is idle meanwhile.
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) =>
      raf((t) => {
        if (Reflect.has(window, '__firstDraw')) callback(t);
        else window.setTimeout(() => callback(t), 150);
      });
    const proto = CanvasRenderingContext2D.prototype as unknown as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    for (const name of ['fill', 'stroke', 'drawImage', 'fillText', 'fillRect']) {
      const original = proto[name] as (...args: unknown[]) => unknown;
      proto[name] = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
        if (
          !Reflect.has(window, '__firstDraw') &&
          this.canvas.closest('[data-testid="graph-canvas"]')
        )
          Reflect.set(window, '__firstDraw', performance.now());
        return original.apply(this, args);
      };
    }
  });
  await page.goto('./');
  await expect(page.getByTestId('status-line')).toContainText('Showing');
  const later = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.js$/.test(e.name) && !/\/(index|checkGraph)-[\w-]{8}\.js$/.test(e.name))
        .map((e) => e.startTime),
    );
  // Idle time fetches the details, export and other parts ahead, and search's code.
  await expect.poll(async () => (await later()).length).toBeGreaterThan(2);
  const firstDraw = (await page.evaluate(() => Reflect.get(window, '__firstDraw'))) as number;
  expect(firstDraw).toBeGreaterThan(0);
  expect(Math.min(...(await later()))).toBeGreaterThan(firstDraw);
});

test('the first frame fetches the app and its graph checker, nothing more', async ({ page }) => {
  // Search, the syntax-error finder and the worker's loader are separate chunks that no first
  // frame of a well-formed small graph needs (initial JS target: README, bench). Scripts that
  // idle time fetches ahead after the first frame do not count.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const status = document.querySelector('[data-testid="status-line"]');
      if (status?.textContent?.startsWith('Showing')) {
        observer.disconnect();
        const scripts = performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname.split('/').pop() ?? '')
          .filter((name) => name.endsWith('.js'));
        Reflect.set(window, '__scriptsAtFirstFrame', scripts);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto('./');
  await expect(page.getByTestId('status-line')).toContainText('Showing');
  const scripts = await page.evaluate(
    () => Reflect.get(window, '__scriptsAtFirstFrame') as string[],
  );
  expect(scripts.map((name) => name.replace(/-[\w-]{8}\.js$/, '')).sort()).toEqual([
    'checkGraph',
    'index',
  ]); // The checker is preloaded from index.html: requested before the graph, not after the app's
  // chunk has run.
  const started = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /checkGraph-|graph\.json/.test(e.name))
      .map((e) => [new URL(e.name).pathname.split('/').pop()?.split('-')[0], e.startTime]),
  );
  const at = Object.fromEntries(started) as Record<string, number>;
  expect(at.checkGraph).toBeLessThan(at['graph.json'] ?? 0);
});

test('a large download starts its worker while the page still fetches its worker-side code', async ({
  page,
}) => {
  // workerLoad.ts is a chunk of its own; the worker must not wait for it (on a real network,
  // a round trip or more).
  const order: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/worker-[\w-]+\.js$/.test(request.url())) order.push('worker requested');
  });
  await page.route(/\/assets\/workerLoad-[\w-]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    order.push('worker-side code served');
    await route.continue();
  });
  await page.route('**/big.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: big }),
  );
  await page.goto('./?graph=big.json');
  await statusCounts(page);
  expect(order[0]).toBe('worker requested');
  expect(order).toContain('worker-side code served');
  expect((await loadInfo(page))?.parsedIn).toBe('worker');
});

test('a broken small file whose diagnosis code cannot be fetched fails with a message', async ({
  page,
}) => {
  // The finder of JSON syntax errors is fetched only for a broken file; without a connection
  // the load must end with a message, not wait forever.
  await page.route(/\/assets\/loadGraph-[\w-]+\.js$/, (route) =>
    route.abort('internetdisconnected'),
  );
  await page.route('**/broken.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"elements": [' }),
  );
  await page.goto('./?graph=broken.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.json');
  await expect(alert).toContainText('The code that reads graph files could not be fetched');
  await expect(page.getByRole('button', { name: 'Open the bundled graph instead' })).toBeVisible();
});
