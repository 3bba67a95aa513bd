/** Two years of one agency's report compared, from the data (no reading of published pages). */
import { migrateReport } from '@nianbao/migrate';
import { isEdition, type Edition, type JsonSchema, type LocalizedText } from '@nianbao/template';
import { validateReport } from '@nianbao/validator';
import { carryOver, compareCells } from './cells.js';
import { compareText, overallShares } from './text.js';
import type { Comparison, ReportSummary } from './types.js';

export interface CompareOptions {
  /** Language of the migration's notes. Default zh. */
  lang?: 'zh' | 'en';
  /** A patched schema per edition (local extensions) for validating each report. */
  schemas?: Partial<Record<Edition, JsonSchema>>;
}

/** Why two documents cannot be compared at all (not a report, an unknown edition). */
export class CompareError extends Error {
  constructor(
    readonly which: 'last' | 'current',
    readonly messages: LocalizedText,
  ) {
    super(messages.en);
    this.name = 'CompareError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function summary(document: Record<string, unknown>, edition: Edition, options: CompareOptions): ReportSummary {
  const schema = options.schemas?.[edition];
  const result = validateReport(document, schema ? { schema } : {});
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  const metadata = isObject(document.metadata) ? document.metadata : {};
  const agency = isObject(metadata.agency) ? metadata.agency : {};
  const agencyName = typeof agency.name === 'string' ? agency.name : '';
  const reportYear = typeof metadata.reportYear === 'number' ? metadata.reportYear : null;
  return {
    title: `${agencyName}${reportYear ?? ''}年政府信息公开工作年度报告`,
    agencyName,
    reportYear,
    edition,
    errors: errors.length,
    warnings: result.findings.filter((finding) => finding.severity === 'warning').length,
    errorExamples: errors.slice(0, 5).map((finding) => finding.message),
  };
}

function editionOf(document: unknown, which: 'last' | 'current'): Edition {
  if (isObject(document) && isEdition(document.edition)) return document.edition;
  throw new CompareError(which, {
    zh: `${which === 'last' ? '上年' : '本年'}报告不是已知格式版本的年报文档（edition 应为 "2019" 或 "2021"）。`,
    en: `the ${which === 'last' ? "last year's" : "this year's"} report is not a report of a known edition (edition must be "2019" or "2021").`,
  });
}

/**
 * Compares last year's report with this year's. Reports of different editions are compared in the 2021
 * edition, the 2019 one migrated by @nianbao/migrate (cells it cannot fill are listed, not invented).
 * Reports with errors are compared as they are; their errors are counted in the summaries.
 */
export function compareReports(last: unknown, current: unknown, options: CompareOptions = {}): Comparison {
  const lastEdition = editionOf(last, 'last');
  const currentEdition = editionOf(current, 'current');
  const edition: Edition = lastEdition === currentEdition ? currentEdition : '2021';
  const notCarried: Comparison['notCarried'] = [];
  const inEdition = (document: unknown, from: Edition) => {
    if (from === edition) return document;
    const migrated = migrateReport(document, { to: '2021', lang: options.lang ?? 'zh' });
    notCarried.push(...migrated.notCarried);
    return migrated.document;
  };
  const lastDocument = inEdition(last, lastEdition);
  const currentDocument = inEdition(current, currentEdition);
  const schema = options.schemas?.[edition];
  const cells = compareCells(
    edition,
    lastDocument,
    currentDocument,
    schema?.['x-edition'] === edition ? schema : undefined,
  );
  const sections = compareText(edition, lastDocument, currentDocument);
  return {
    last: summary(last as Record<string, unknown>, lastEdition, options),
    current: summary(current as Record<string, unknown>, currentEdition, options),
    edition,
    notCarried,
    cells,
    changed: cells.filter((cell) => cell.change !== null && cell.change !== 0).length,
    flagged: cells.filter((cell) => cell.flag !== undefined).length,
    carryOver: carryOver(edition, lastDocument, currentDocument),
    sections,
    ...overallShares(sections),
  };
}
