export { importReport, importSource } from './import.js';
export { fileKind, type FileKind, type FileReader, importFile, registerReader } from './file.js';
export type { SourceDocument } from './source.js';
export { type ImportFinding, MAX_READINGS, type RowReadings } from './readings.js';
export type {
  Fidelity,
  ImportFailure,
  ImportInput,
  ImportOptions,
  ImportProblem,
  ImportResult,
  ImportSuccess,
  ImportWarning,
  PdfjsLibrary,
  Unplaced,
  WarningCode,
} from './types.js';
export { decodePage, pageKind, type PageDecoding } from './page.js';
export { keepingBuiltins, loadPdfjs, pdfjsBundlePath, runPdfjsBundle } from './pdf/library.js';
