export { ImportDialog, type ImportDialogProps, type ImportedResult } from './ImportDialog';
export { DatasetList, type DatasetListProps } from './DatasetList';
export type { ImportMode } from './CheckStep';
