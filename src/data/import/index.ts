// The importer's public surface. The worker (csvWorker.ts) is not exported: it is loaded by URL.

export * from './types';
export { parseCsvFile, type ParseFileOptions } from './parseInWorker';
export { parseCsvText, detectDelimiter, delimiterName } from './parseCsvText';
export { readCsvBlob } from './readCsv';
export * from './mapping';
export * from './checkRows';
export { parseDateInput, DATE_FORMATS_HINT, type DateResult } from './dates';
export { matchCooperation, matchInstitutionType } from './vocabularyMatch';
export * from './template';
export { mergeGraphs, type Result } from './mergeGraphs';
