export type * from './types.js';
export { compareReports, CompareError, type CompareOptions } from './compare.js';
export { renderComparisonHtml } from './html.js';
export { renderComparisonPdf } from './pdf.js';
