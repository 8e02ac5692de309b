export * from './fold.js';
export * from './partial-date.js';
export * from './money.js';
export * from './enums.js';
export * from './schemas.js';
export * from './themes.js';
export * from './highlight.js';
