export * from './bridge';
export * from './encoding';
export * from './layouts';
export type { ImageOptions, LegendSpec } from './image';
export { prepareRenderer } from './renderer';
