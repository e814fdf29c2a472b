// The importer's public surface. The worker (importWorker.ts) is not exported: it is loaded by
// URL. The page works through an ImportSession; the rest is what the session runs and shows.

export * from './types';
export * from './protocol';
export {
  ImportSession,
  type CallOptions,
  type CommitHooks,
  type CommitRequest,
  type Committed,
  type SessionOptions,
} from './importSession';
export { parseCsvText, detectDelimiter, delimiterName } from './parseCsvText';
export { readCsvBlob } from './readCsv';
export * from './mapping';
export * from './checkRows';
export { parseDateInput, DATE_FORMATS_HINT, type DateResult } from './dates';
export { matchCooperation, matchInstitutionType } from './vocabularyMatch';
export * from './template';
export { mergeGraphs, type Result } from './mergeGraphs';
