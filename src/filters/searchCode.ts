// Search's code (search.ts) is a chunk of its own: no first frame needs it. The search box
// fetches it when it is focused or pointed at, and idle time after a load fetches it ahead.

import { lazyModule } from '../model';
import type * as Search from './search';

const search = lazyModule(() => import('./search'), 'loadSearch');

export type SearchCode = typeof Search;

/** Loads search's code; resolves at once when loaded. */
export const loadSearch = (): Promise<void> => search.load();

/** Search's code, or null while it is not loaded. */
export const searchCode = (): SearchCode | null => search.get();
