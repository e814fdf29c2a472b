export * from './csv';
export * from './limits';
export * from './loadGraph';
export { loadGraphFromFile, loadGraphFromUrl } from './load/graphLoader';
export * from './validateGraph';
