export { writeWorkbook, XlsxError, EXCEL_CELL_LIMIT } from './write.js';
export {
  fieldsOf,
  tableSheets,
  totalsOf,
  META_SHEET,
  TEXT_SHEET,
  type Field,
  type TableSheet,
  type Total,
} from './model.js';
export { readWorkbook, type ReadResult, type Problem } from './read.js';
export { draftReport, type DraftOptions } from './draft.js';
