export * from './types.js';
export * from './pointer.js';
export * from './schema-walk.js';
export * from './editions.js';
export type { Report2019 } from './generated/report-2019.js';
export type { Report2021 } from './generated/report-2021.js';
export * from './numbers.js';
