export {
  FORMATS,
  MAX_PDF_TEXT,
  OUTPUT_FILES,
  pdfRefusal,
  renderOutputs,
  textLength,
  type Format,
  type OutputFile,
  type RenderOptions,
  type RenderResult,
} from './render.js';
export {
  isRunning,
  removePendingTempFilesSync,
  removeStaleTempFiles,
  TEMP_MARKER,
  writeFilesAtomically,
  writerOf,
} from './atomic.js';
