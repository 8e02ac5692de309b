/** Types of pglite-preload.mjs (read by db/client.ts through the global it sets, and by its test). */
export declare const PGLITE_PRELOAD: unique symbol;
export declare function preloadPglite(): void;
