export * from './applyFilters';
export * from './graphIndex';
export * from './urlState';
export * from './searchCode';
export type { SearchHit } from './search';
export * from './paths';
export * from './aggregate';
