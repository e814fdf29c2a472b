// The page's first script: starts fetching the graph while the app's code loads (see
// data/load/early.ts). index.html lists it before the app, so it runs first.
import { startEarlyLoad } from './data/load/early';

startEarlyLoad(window.location.href);
