export * from './vocabulary';
export * from './graph';
export * from './countries';
export * from './format';
export * from './lazyModule';
export * from './idle';
