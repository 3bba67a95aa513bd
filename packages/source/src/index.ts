export { readReportFile, parseReportSource, parseReportText, detectFormat } from './read.js';
export type { SourceResult, SourceFormat } from './read.js';
export type { Locate } from './yaml.js';
export { DEFAULT_LIMITS, type SourceLimits } from './limits.js';
export {
  formatProblem,
  type SourceProblem,
  type SourceProblemCode,
  type LocalizedMessage,
  type LocalizedText,
} from './problem.js';
export { decodeText, type TextEncodingName } from './decode.js';
