import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/data/limits';
import { sniffEncoding } from '../../src/data/import/decode';
import { detectDelimiter, parseCsvText } from '../../src/data/import/parseCsvText';
import { readCsvBlob } from '../../src/data/import/readCsv';
import type { ParseProgress } from '../../src/data/import/types';

const dir = 'tests/fixtures/import';
const fixture = (name: string) => new File([readFileSync(`${dir}/${name}`)], name);

/** Reads a file as the import worker does (and the page, where workers are unavailable). */
const parseCsvFile = (file: File, onProgress?: (p: ParseProgress) => void) =>
  readCsvBlob(file, file.name, onProgress);

describe('readCsvBlob', () => {
  it('reads a UTF-8 file with a byte-order mark, semicolons and CRLF', async () => {
    const t = await parseCsvFile(fixture('bom-semicolon.csv'));
    expect(t.fatal).toBe(false);
    expect(t.delimiter).toBe(';');
    expect(t.encoding).toBe('utf-8');
    expect(t.columns[0]).toBe('Institution');
    expect(t.columns).toHaveLength(6);
    expect(t.rows[0]).toEqual([
      'Université de Lyon',
      'France',
      'Politecnico di Milano',
      'Italy',
      'MoU',
      '2015',
    ]);
    expect(t.rowNumbers).toEqual([2, 3]);
    expect(t.problems).toEqual([]);
  });

  it("takes the delimiter from Excel's sep= line and hides that line from row numbers", async () => {
    const t = await parseCsvFile(fixture('excel-sep.csv'));
    expect(t.delimiter).toBe(';');
    expect(t.columns).toEqual(['Institution', 'Partner', 'Year', 'Description']);
    expect(t.rows).toEqual([['Alpha University', 'Beta University', '2019', 'Costs 1,5 million']]);
    expect(t.rowNumbers).toEqual([2]);
  });

  it('keeps newlines and doubled quotes inside quoted cells; one record is one row', async () => {
    const t = await parseCsvFile(fixture('quoted-newlines.csv'));
    expect(t.rows[0]?.[2]).toBe('Two lines:\nfirst, then\nsecond');
    expect(t.rows[0]?.[3]).toBe('She said "yes", then left.');
    expect(t.rowNumbers).toEqual([2, 3]);
    expect(t.problems).toEqual([]);
  });

  it('reports ragged rows as warnings, pads short rows and keeps counting empty lines', async () => {
    const t = await parseCsvFile(fixture('ragged.csv'));
    expect(t.fatal).toBe(false);
    expect(t.rows).toHaveLength(4);
    expect(t.rows[1]).toEqual(['Alpha University', 'Gamma College', '']);
    expect(t.rowNumbers).toEqual([2, 3, 5, 6]);
    expect(t.problems.map((p) => [p.row, p.level])).toEqual([
      [3, 'warning'],
      [5, 'warning'],
    ]);
    expect(t.problems[0]?.message).toMatch(/2 cells; the header has 3/);
    expect(t.problems[1]?.message).toMatch(/5 cells; the header has 3/);
    // Trailing empty cells (row 6) are what spreadsheets write; they are not reported.
  });

  it('detects UTF-16 LE with a byte-order mark ("Unicode text") and reads tabs', async () => {
    const t = await parseCsvFile(fixture('utf16le.txt'));
    expect(t.encoding).toBe('utf-16le');
    expect(t.delimiter).toBe('\t');
    expect(t.columns).toEqual(['Name', 'Country', 'Type']);
    expect(t.rows.map((r) => r[0])).toEqual(['École Polytechnique', '東京大学']);
  });

  it('detects UTF-16 without a byte-order mark from its zero bytes', () => {
    const bytes = new Uint8Array(Buffer.from('Name,Country\nA,B\n', 'utf16le'));
    expect(sniffEncoding(bytes)).toBe('utf-16le');
    const be = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 2) {
      be[i] = bytes[i + 1] ?? 0;
      be[i + 1] = bytes[i] ?? 0;
    }
    expect(sniffEncoding(be)).toBe('utf-16be');
    expect(sniffEncoding(new Uint8Array(Buffer.from('Name,Country\n')))).toBe('utf-8');
  });

  it('reads a file that is not UTF-8 as Windows-1252, with a note', async () => {
    const t = await parseCsvFile(fixture('windows-1252.csv'));
    expect(t.encoding).toBe('windows-1252');
    expect(t.rows[0]).toEqual(['Université Paris', 'Universidad de Málaga']);
    expect(t.problems[0]?.level).toBe('warning');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = new File(['Institution,Partner\n'], 'huge.csv');
    Object.defineProperty(file, 'size', { value: LIMITS.maxFileBytes + 1 });
    file.arrayBuffer = () => Promise.reject(new Error('must not be read'));
    const t = await parseCsvFile(file);
    expect(t.fatal).toBe(true);
    expect(t.problems[0]?.message).toMatch(/^The file is 100\.0 MB, over the limit of 100\.0 MB/);
  });

  it('reports progress while reading and parsing, ending at the full size', async () => {
    const seen: ParseProgress[] = [];
    const file = fixture('bom-semicolon.csv');
    await parseCsvFile(file, (p) => seen.push(p));
    expect(seen.some((p) => p.phase === 'reading')).toBe(true);
    expect(seen.at(-1)).toEqual({ phase: 'parsing', bytes: file.size, total: file.size });
  });

  it('calls an empty file fatal', async () => {
    const t = await parseCsvFile(new File(['\n\n'], 'empty.csv'));
    expect(t.fatal).toBe(true);
    expect(t.problems[0]?.message).toBe('The file is empty.');
  });
});

describe('parseCsvText', () => {
  it.each([
    ['a,b\n1,2\n', ','],
    ['a;b\n1;2\n', ';'],
    ['a\tb\n1\t2\n', '\t'],
    ['a|b\n1|2\n', '|'],
    // Decimal commas in a semicolon file: more commas than semicolons, but the rows agree.
    ['name;amount;year\nx;1,5;2019\ny;2,25;2020\nz;3,75;2021\n', ';'],
  ])('detects the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('names blank header cells and warns about a single column', () => {
    const t = parseCsvText('a,,c\n1,2,3\n', 'x.csv');
    expect(t.columns).toEqual(['a', 'Column 2', 'c']);
    const one = parseCsvText('just one column\nvalue\n', 'y.csv');
    expect(one.problems[0]?.message).toMatch(/Only one column/);
  });

  it('reports an unclosed quote as an error on its row', () => {
    const t = parseCsvText('a,b\n1,2\n"open,3\n4,5\n', 'q.csv');
    const error = t.problems.find((p) => p.level === 'error');
    expect(error).toMatchObject({ file: 'q.csv', row: 3 });
  });

  it('numbers rows the same when a quoted cell spans a chunk boundary', () => {
    const long = 'x'.repeat(1024 * 1024 + 10);
    const text = `a,b\n1,"${long}\nsecond line"\n2,3\n`;
    const t = parseCsvText(text, 'big.csv');
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0]?.[1]).toBe(`${long}\nsecond line`);
    expect(t.rows[1]).toEqual(['2', '3']);
    expect(t.rowNumbers).toEqual([2, 3]);
    expect(t.problems).toEqual([]);
  });
});

describe('binary files given as tables', () => {
  it('are refused as not text, naming the line of the first zero byte', async () => {
    // The first bytes of a PNG image: its signature, then a chunk length with zero bytes.
    const bytes = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
      0x52,
    ]);
    const table = await readCsvBlob(new Blob([bytes]), 'partners.png');
    expect(table.fatal).toBe(true);
    expect(table.problems[0]?.message).toBe(
      'This is not a text table: it holds binary data (a zero byte on line 3). If it is a spreadsheet (.xlsx, .ods), save it as CSV first.',
    );
    expect(table.problems[0]?.file).toBe('partners.png');
  });
});
