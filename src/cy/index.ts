export * from './bridge';
export * from './encoding';
export * from './layouts';
