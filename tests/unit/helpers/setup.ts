// Loads the code the explorer fetches on first need (derived layouts, grouped view) before the
// unit tests run, so store and bridge tests see changes applied at once, as a page does once
// that code is in. The waiting path itself is tested in viewCode.test.ts with fresh modules.
import { prefetchViewCode } from '../../../src/store/viewCode';

await prefetchViewCode();
