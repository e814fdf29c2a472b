/** The Cytoscape methods the build leaves out (scripts/leanCytoscape.ts). */
export declare const DROPPED_ALGORITHMS: readonly string[];
