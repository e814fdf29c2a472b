export * from './csv';
export * from './limits';
export * from './loadGraph';
export * from './validateGraph';
