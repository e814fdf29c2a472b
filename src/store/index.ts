export * from './store';
export * from './urlSync';
