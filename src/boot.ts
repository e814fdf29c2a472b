// Evaluated first: main.tsx imports this module before React, Cytoscape and the components, so
// the address's graph (and the code that checks it) starts downloading while the rest of the
// bundle is still being evaluated, not after.
import { startInitialLoad } from './store/open';

void startInitialLoad();
