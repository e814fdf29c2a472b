export * from './applyFilters';
export * from './graphIndex';
export * from './urlState';
export * from './search';
export * from './paths';
export * from './aggregate';
