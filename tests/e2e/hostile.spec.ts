// Hostile text stays text: in the canvas, tooltips, details, source viewer and table, nothing runs.
import { expect, statusCounts, test } from './fixtures';

const XSS = '<img src=x onerror="window.__pwned=1">';
const hostile = {
  data: {
    title: `</script><script>window.__pwned=1</script>`,
    description: '',
    sources: [
      {
        id: 's',
        file: 's.txt',
        title: XSS,
        publisher: 'javascript:alert(1)',
        date: '2020',
        about: 'a',
        note: '',
        text: `Quote with </script> and ${XSS} in it.`,
        url: 'https://example.org/',
      },
    ],
  },
  elements: {
    nodes: [
      {
        data: {
          id: 'a',
          label: XSS,
          type: 'university',
          country: 'GB',
          aliases: ['=HYPERLINK("x")'],
        },
        position: { x: 0, y: 0 },
      },
      {
        data: { id: '__proto__', label: 'constructor', type: 'company', country: null },
        position: { x: 120, y: 0 },
      },
    ],
    edges: [
      {
        data: {
          id: 'e',
          source: 'a',
          target: '__proto__',
          cooperation: 'mou',
          year: 2020,
          description: '[click](javascript:alert(1))',
          evidence: [{ source: 's', quote: `Quote with </script> and ${XSS} in it.` }],
        },
      },
    ],
  },
};

test('a hostile graph renders as the characters it holds and runs nothing', async ({ page }) => {
  await page.route('**/hostile.json', (r) =>
    r.fulfill({ contentType: 'application/json', body: JSON.stringify(hostile) }),
  );
  await page.goto('./?graph=hostile.json&focus=a');
  expect((await statusCounts(page)).total).toBe(2);
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(XSS);
  await details
    .getByRole('button', { name: /^Agreement with/ })
    .first()
    .click();
  await expect(details.locator('blockquote')).toHaveText(`Quote with </script> and ${XSS} in it.`);
  await expect(details).toContainText('[click](javascript:alert(1))');
  await details.getByRole('button', { name: 'View source' }).click();
  await expect(page.getByRole('dialog').locator('mark')).toContainText(XSS);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Table' }).click();
  await expect(page.locator('table').first()).toContainText(XSS);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).constructor === Object)).toBe(
    true,
  );
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  // The page still works: back to the bundled graph.
  await page.goto('./');
  expect((await statusCounts(page)).total).toBe(59);
});
