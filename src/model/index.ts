export * from './vocabulary';
export * from './graph';
export * from './countries';
