import type { Edition, LocalizedText, Report } from '@nianbao/template';
import type { ImportFinding } from './readings.js';

export interface ImportInput {
  /** The page: HTML source or plain text. */
  text: string;
  kind: 'html' | 'text';
  /** Where the page came from (file name or URL); recorded as provenance.importedFrom. */
  name: string;
}

export interface ImportOptions {
  /** Read the tables as this edition; 'auto' (default) detects it from the table labels. */
  edition?: Edition | 'auto';
  /**
   * Import what is there even when tables or sections are missing or cut short: their cells are null
   * (not reported) and provenance.notFound lists them. Without it such an input is refused.
   */
  partial?: boolean;
  /**
   * The pdfjs-dist module to read PDFs with (its legacy build, 5.6). Default: imported on first use.
   * The CLI passes its own bundled copy, compiled from a code cache (apps/cli/src/pdfjs-loader.ts).
   */
  pdfjs?: PdfjsLibrary;
  /** Last year's report, for the cross-year rules when the findings under every reading are checked. */
  previous?: unknown;
}

/** pdfjs-dist's legacy build (`pdfjs-dist/legacy/build/pdf.mjs`), as ImportOptions.pdfjs takes it. */
export type PdfjsLibrary = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export type WarningCode =
  /** A table cell was published blank, 「/」, 「—」 or 「-」: kept as null, not 0. */
  | 'not-reported'
  /** A table cell's text is not a number of the column's kind: kept as null, text in unplaced. */
  | 'unreadable-cell'
  /** Digits of a row ran together (text without cell separators) and split into its cells in no single way. */
  | 'cells-undecided'
  /** A row whose digits ran together was split by the text's statements or last year's report. */
  | 'cells-by-evidence'
  /** Unread rows have too many possible readings to check the report's errors under each of them. */
  | 'readings-unchecked'
  /** A row (or a whole block) of a table was not found: its cells are null. */
  | 'row-missing'
  /** A row with values whose label matches no official row: kept in unplaced. */
  | 'row-unrecognised'
  /**
   * A row of numbers without its label, placed by the official order of the rows between two rows placed by
   * their labels, and confirmed by the table's sums.
   */
  | 'row-by-order'
  /** An official row published twice: the first is used, the other kept in unplaced. */
  | 'row-duplicate'
  /** A published label or heading matched its official text only approximately (typo, variant). */
  | 'label-approximate'
  /** Column headers not (fully) recognised: columns read in the official order. */
  | 'columns-by-position'
  /** A value had a unit other than the column's; converted exactly. */
  | 'unit-converted'
  /** An amount published without a unit (and not 0): its unit is kept as null. */
  | 'unit-unknown'
  /** A metadata field was not stated and was guessed (agency kind, level, division code, period). */
  | 'guessed'
  /** A metadata field could not be found and was left out. */
  | 'metadata-missing'
  /** An official section heading or sub-topic was not found. */
  | 'section-missing'
  /** The text was in traditional characters and was read converted to simplified ones. */
  | 'script-converted'
  /** A section heading carried a different number than the official one. */
  | 'heading-number'
  /** The table labels belong to another edition than the report year's, or than the one asked for. */
  | 'edition-mismatch'
  /** Text that could not be placed in the template; kept verbatim in provenance.unplaced. */
  | 'unplaced';

export interface ImportWarning {
  code: WarningCode;
  message: LocalizedText;
  /** JSON Pointer into the imported document, where the warning is about a place in it. */
  at?: string;
  /** Where in the input (line number or element path). */
  from?: string;
}

export interface Fidelity {
  /** Table cells read as numbers. */
  cellsRead: number;
  /** Table cells the edition has. */
  cellsExpected: number;
  /** Official headings (schema titles) of the sections found. */
  sectionsFound: string[];
  paragraphsPlaced: number;
  paragraphsUnplaced: number;
  /** JSON Pointers of the null (not reported) cells. */
  notReported: string[];
  /** The edition the tables were read as, and how it was decided. */
  edition: Edition;
  editionFrom: 'option' | 'labels' | 'year';
  /** With `partial`: JSON Pointers of the sections and tables the input does not have. */
  notFound?: string[];
}

export interface ImportSuccess {
  ok: true;
  document: Report;
  fidelity: Fidelity;
  warnings: ImportWarning[];
  /**
   * Errors of the report that hold however its unread rows (digits run together) are read: validator
   * findings under every reading, each noting the rows it was checked over (see readings.ts).
   */
  findings?: ImportFinding[];
}

export interface ImportProblem {
  message: LocalizedText;
  /** What was recognised (official labels). */
  found: string[];
  /** What a report must have and the input lacks (official labels). */
  missing: string[];
  /** The input could not be read at all (a scan without text, an old .doc, a damaged file). */
  unreadable?: boolean;
}

export interface ImportFailure {
  ok: false;
  problem: ImportProblem;
}

export type ImportResult = ImportSuccess | ImportFailure;

export interface Unplaced {
  text: string;
  from: string;
}
