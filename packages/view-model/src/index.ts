export { buildViewModel, formatValue, NOT_REPORTED_LABEL, NOT_REPORTED_MARK, type ViewModelOptions } from './build.js';
export { editionLayout, type EditionLayout, type SectionLayout, type PartLayout } from './layout.js';
export { chineseDate, chineseNumeral, displayText, topicNumber } from './text.js';
export type * from './types.js';
