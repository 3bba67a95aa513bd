export { importReport } from './import.js';
export type {
  Fidelity,
  ImportFailure,
  ImportInput,
  ImportOptions,
  ImportProblem,
  ImportResult,
  ImportSuccess,
  ImportWarning,
  Unplaced,
  WarningCode,
} from './types.js';
export { decodePage, pageKind, type PageDecoding } from './page.js';
