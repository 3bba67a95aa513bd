/**
 * Which edition a report is, from its own evidence: the vocabulary of its tables (2021 has
 * 本年制发件数, three （六） rows…) and its year (2019–2020 reports use the 2019 tables, later ones
 * the 2021 tables). When the two disagree — a 2023 report printed with the 2019 table — the tables
 * are read as they are printed and a warning says so.
 */
import { type Edition, editionForYear } from '@nianbao/template';
import type { EditionSpec } from './spec.js';
import { similarity } from './text.js';
import type { Fidelity, ImportOptions, ImportWarning } from './types.js';

export interface EditionDecision {
  edition: Edition;
  editionFrom: Fidelity['editionFrom'];
}

/** The edition whose own labels the tables use more, if any. */
export function editionByLabels(labelKeys: string[], specs: EditionSpec[]): Edition | undefined {
  const hits = specs.map(
    (spec) =>
      labelKeys.filter(
        (label) =>
          spec.vocabulary.has(label) ||
          (label.length >= 8 && [...spec.vocabulary].some((v) => v.length >= 8 && similarity(label, v) >= 0.9)),
      ).length,
  );
  return hits[0]! > hits[1]! ? '2019' : hits[1]! > hits[0]! ? '2021' : undefined;
}

export function decideEdition(
  byLabels: Edition | undefined,
  reportYear: number,
  options: ImportOptions,
  warnings: ImportWarning[],
): EditionDecision {
  const byYear = editionForYear(reportYear);
  let decision: EditionDecision;
  if (options.edition && options.edition !== 'auto') {
    decision = { edition: options.edition, editionFrom: 'option' };
    if (byLabels && byLabels !== options.edition) {
      warnings.push({
        code: 'edition-mismatch',
        message: {
          zh: `表格使用${byLabels}年格式的栏目，但按要求以${options.edition}年格式读取。`,
          en: `The tables use the labels of the ${byLabels} edition but were read as the ${options.edition} edition, as asked.`,
        },
      });
    }
  } else {
    decision = { edition: byLabels ?? byYear ?? '2019', editionFrom: byLabels ? 'labels' : 'year' };
  }
  if (byLabels && byYear && byLabels !== byYear) {
    warnings.push({
      code: 'edition-mismatch',
      message: {
        zh: `报告年度为${reportYear}年，应使用${byYear}年格式，但表格使用的是${byLabels}年格式的栏目。`,
        en: `The report year is ${reportYear}, which uses the ${byYear} edition, but the tables use the labels of the ${byLabels} edition.`,
      },
      at: '/metadata/reportYear',
    });
  }
  return decision;
}
