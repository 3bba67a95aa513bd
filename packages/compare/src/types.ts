import type { Edition, LocalizedText } from '@nianbao/template';
import type { TableKey } from '@nianbao/view-model';

/** Why a change stands out: more than ten times the other year, or down to 0. */
export type ChangeFlag = 'factor' | 'toZero';

export interface CellComparison {
  table: TableKey;
  /** JSON Pointer of the cell (in the 2021 edition when the years' editions differ). */
  pointer: string;
  rowLabels: string[];
  columnLabels: string[];
  /** The values as numbers (amounts in 元 when a unit is given), null when not reported. */
  last: number | null;
  current: number | null;
  /** As printed in each report ('—' when not reported). */
  lastDisplay: string;
  currentDisplay: string;
  /** current − last, when both are reported. */
  change: number | null;
  /** The change in percent of last year's value, when both are reported and last year's is not 0. */
  percent: number | null;
  flag?: ChangeFlag;
}

export interface CarryOverCheck {
  /** The column of 上年结转 / 结转下年度继续办理 (e.g. 自然人, 总计). */
  column: string;
  pointer: string;
  /** This year's 上年结转. */
  carriedOver: number | null;
  /** Last year's 结转下年度继续办理. */
  lastCarriedForward: number | null;
  /** true when both are reported and equal; null when one is not reported. */
  matches: boolean | null;
}

export type ParagraphStatus = 'identical' | 'numbersChanged' | 'similar' | 'new';

export interface ParagraphComparison {
  /** Pointer of this year's paragraph. */
  pointer: string;
  text: string;
  status: ParagraphStatus;
  /** The closest paragraph of last year (for identical, numbersChanged and similar). */
  lastPointer?: string;
  lastText?: string;
  /** Dice similarity of character pairs with that paragraph, 0–1. */
  similarity: number;
}

export interface SectionTextComparison {
  /** 'preface' or the section key. */
  key: string;
  heading: string;
  paragraphs: ParagraphComparison[];
  /** Last year's paragraphs that no paragraph of this year resembles. */
  removed: { pointer: string; text: string }[];
  /** Characters of this year's text, and of it in paragraphs identical to last year's. */
  characters: number;
  identicalCharacters: number;
  /** identicalCharacters / characters (0 when the section has no text this year). */
  identicalShare: number;
  /** Share of characters in paragraphs identical but for their numbers (years, counts). */
  numbersOnlyShare: number;
}

export interface ReportSummary {
  title: string;
  agencyName: string;
  reportYear: number | null;
  edition: Edition;
  /** Errors and warnings of the report as validated: a comparison notes them, it does not refuse. */
  errors: number;
  warnings: number;
  /** The first few error messages, for the note. */
  errorExamples: LocalizedText[];
}

export interface Comparison {
  last: ReportSummary;
  current: ReportSummary;
  /** The edition both were compared in (2021 when they differ: the 2019 one is migrated). */
  edition: Edition;
  /** Cells of the comparison edition that the migrated report could not fill (nothing is invented). */
  notCarried: { pointer: string; label: string; reason: string }[];
  /** Every cell, largest absolute change first (then in table order). */
  cells: CellComparison[];
  changed: number;
  flagged: number;
  carryOver: CarryOverCheck[];
  sections: SectionTextComparison[];
  /** Over the whole text. */
  identicalShare: number;
  numbersOnlyShare: number;
}
