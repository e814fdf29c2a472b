export * from './store';
export * from './urlSync';
export * from './open';
