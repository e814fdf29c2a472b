// Bring your own data: CSV imports checked row by row, kept in IndexedDB across reloads.
import type { Page } from '@playwright/test';
import { expect, statusCounts, test } from './fixtures';

async function openImport(page: Page) {
  await page.goto('./');
  await expect(page.getByTestId('status-line')).toContainText('Showing');
  await page.getByRole('button', { name: 'Data ▾' }).click();
  await page.getByRole('button', { name: 'Import data…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function importFile(page: Page, path: string, name: string) {
  const dialog = await openImport(page);
  await dialog.locator('input[type=file]').setInputFiles(path);
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await dialog.getByLabel('Named').fill(name);
  return dialog;
}

test('a CSV with a byte-order mark and semicolons imports, survives a reload, and can be deleted', async ({
  page,
}) => {
  const dialog = await importFile(page, 'tests/fixtures/import/bom-semicolon.csv', 'Lyon partners');
  await page.screenshot({ path: 'test-results/import-check.png' });
  await dialog.getByRole('button', { name: /^Import \d+ valid rows?$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/dataset=/);
  const c = await statusCounts(page);
  expect(c.total).toBeGreaterThanOrEqual(3);
  expect(c.total).toBeLessThan(59);
  await expect(page).toHaveURL(/dataset=/);
  await page.getByRole('button', { name: 'Table' }).click();
  await expect(page.locator('table').first()).toContainText('Université de Lyon');
  // Reload: the dataset is still there and shown.
  await page.reload();
  expect((await statusCounts(page)).total).toBe(c.total);
  await expect(page.locator('table').first()).toContainText('Université de Lyon');
  // Delete it: back to the bundled graph.
  await page.getByRole('button', { name: 'Data ▾' }).click();
  await page.getByRole('button', { name: 'Delete “Lyon partners”' }).click();
  await page
    .getByRole('group', { name: 'Confirm deleting “Lyon partners”' })
    .getByRole('button', { name: /Delete/ })
    .click();
  await expect(page.getByRole('button', { name: 'Open “Lyon partners”' })).toHaveCount(0);
  // The dataset stays on screen until the bundled graph has loaded in its place.
  await expect.poll(async () => (await statusCounts(page)).total).toBe(59);
  await page.reload();
  expect((await statusCounts(page)).total).toBe(59);
});

test('a CSV with bad rows lists each problem by row and column; valid rows import', async ({
  page,
}) => {
  const dialog = await importFile(page, 'tests/fixtures/import/missing-party.csv', 'Alpha');
  await expect(dialog).toContainText('row 4');
  await expect(dialog).toContainText('Institution');
  await expect(dialog.getByRole('button', { name: 'Import 3 valid rows' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 3 valid rows' }).click();
  await expect(page).toHaveURL(/dataset=/);
  await expect
    .poll(async () => {
      const c = await statusCounts(page);
      return [c.total, c.totalEdges];
    })
    .toEqual([4, 3]);
});

test('a good plain CSV imports as a new dataset', async ({ page }) => {
  const dialog = await importFile(page, 'tests/fixtures/import/quoted-newlines.csv', 'Quoted');
  await dialog.getByRole('button', { name: /^Import \d+ valid rows?$/ }).click();
  await expect(page).toHaveURL(/dataset=/);
  expect((await statusCounts(page)).totalEdges).toBeLessThan(75);
});

test('a large CSV is read, checked and saved in the import worker, with a progress bar', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const dialog = await openImport(page);
  // 40,000 agreements between 20,000 universities and 10,000 institutes, no row repeated.
  const lines = ['Institution,Institution country,Partner,Partner country,Cooperation type,Year'];
  for (let i = 0; i < 40_000; i++) {
    lines.push(
      `University ${i % 20_000},FR,Institute ${i % 10_000},Germany,MoU,${1990 + (i % 30)}`,
    );
  }
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'large.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  });
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  // Shown at once, before the worker has checked a row; gone when the result is there.
  await expect(dialog.getByRole('progressbar', { name: 'Checking the rows' })).toBeVisible();
  const importButton = dialog.getByRole('button', { name: 'Import 40,000 valid rows' });
  await expect(importButton).toBeEnabled({ timeout: 30_000 });
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);
  await expect(dialog).toContainText('They link 30,000 institutions.');
  // The work ran in the module worker, which the page's CSP allowed (a violation fails the test).
  expect(workers.some((url) => /importWorker-[\w-]+\.js$/.test(url))).toBe(true);

  await dialog.getByLabel('Named').fill('Large');
  await importButton.click();
  await expect(page).toHaveURL(/dataset=/, { timeout: 30_000 });
  await expect
    .poll(
      async () => {
        const c = await statusCounts(page);
        return [c.total, c.totalEdges];
      },
      { timeout: 60_000 },
    )
    .toEqual([30_000, 40_000]);
  await page.getByRole('button', { name: 'Data ▾' }).click();
  await expect(page.getByRole('button', { name: 'Open “Large”' })).toBeVisible();
});
