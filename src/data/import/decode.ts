// Reading a file's bytes as text. Spreadsheets save CSV in several encodings: UTF-8 with or
// without a byte-order mark ("CSV UTF-8"), UTF-16 LE with a mark ("Unicode text") and, on
// Windows, the ANSI code page ("CSV (comma delimited)"). The file is read in slices through a
// streaming decoder, so a character split between two slices is decoded whole.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Bytes read per slice; also how often reading progress is reported. */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

/** Guesses the encoding from the first bytes: a byte-order mark, else the pattern of zero bytes. */
export function sniffEncoding(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  const [b0, b1, b2] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  // UTF-16 without a mark: text that is mostly Latin has a zero in every other byte. CSV cells are
  // never meant to contain NUL, so many zeros on one side are a safe sign.
  const pairs = Math.floor(Math.min(head.length, 1024) / 2);
  if (pairs < 2) return 'utf-8';
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) zeroEven++;
    if (head[2 * i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return 'utf-8';
}

async function readSlice(blob: Blob, start: number, end: number): Promise<Uint8Array> {
  const part = blob.slice(start, end);
  if (typeof part.arrayBuffer === 'function') return new Uint8Array(await part.arrayBuffer());
  // Older engines (and some test DOMs) have Blob without arrayBuffer(); FileReader always works.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = reader.result;
      if (result instanceof ArrayBuffer) resolve(new Uint8Array(result));
      else reject(new Error('The file could not be read.'));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(part);
  });
}

async function decodeBlob(
  blob: Blob,
  encoding: TextEncodingName,
  fatal: boolean,
  onProgress?: (bytes: number, total: number) => void,
): Promise<string> {
  const decoder = new TextDecoder(encoding, { fatal });
  const parts: string[] = [];
  for (let start = 0; start < blob.size; start += READ_CHUNK_BYTES) {
    const end = Math.min(start + READ_CHUNK_BYTES, blob.size);
    parts.push(decoder.decode(await readSlice(blob, start, end), { stream: true }));
    onProgress?.(end, blob.size);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Reads a whole file as text. A byte-order mark is removed. Bytes that are not valid UTF-8 mean
 * the file came from a Windows "CSV (comma delimited)" save, so it is read again as Windows-1252.
 */
export async function readBlobText(
  blob: Blob,
  onProgress?: (bytes: number, total: number) => void,
): Promise<DecodedText> {
  const encoding = sniffEncoding(await readSlice(blob, 0, Math.min(blob.size, 1024)));
  if (encoding !== 'utf-8') {
    return { text: await decodeBlob(blob, encoding, false, onProgress), encoding };
  }
  try {
    return { text: await decodeBlob(blob, 'utf-8', true, onProgress), encoding };
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return {
      text: await decodeBlob(blob, 'windows-1252', false, onProgress),
      encoding: 'windows-1252',
    };
  }
}
