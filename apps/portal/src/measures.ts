/**
 * Measures named once and read from both editions. The 2019 and 2021 formats give the cells these
 * measures read the same row and column ids (table 三's 新收 / 予以公开 / 总计 rows and 总计 column,
 * table 四's 行政复议 and 行政诉讼 columns), so one declared mapping serves both; the edition-specific
 * rows (2021's split of （六）其他处理) are not used by any measure. A test checks every reference
 * against both editions' layouts, so a future edition that moves a cell fails loudly.
 */
export interface CellRef {
  table: string;
  rowId: string;
  columnId: string;
}

export interface Measure {
  key: string;
  label: { zh: string; en: string };
  /** Summed cells. */
  numerator: readonly CellRef[];
  /** When present, the measure is a rate: sum(numerator) / sum(denominator). */
  denominator?: readonly CellRef[];
  /** The editions the references were checked against. */
  editions: readonly string[];
}

const applications = (rowId: string): CellRef => ({ table: 'applications', rowId, columnId: 'total' });
const review = (columnId: string): CellRef => ({ table: 'reviewAndLitigation', rowId: '.', columnId });
const BOTH = ['2019', '2021'] as const;

export const MEASURES: readonly Measure[] = [
  {
    key: 'applications',
    label: { zh: '本年新收申请数', en: 'applications received' },
    numerator: [applications('newApplications')],
    editions: BOTH,
  },
  {
    key: 'carriedOver',
    label: { zh: '上年结转申请数', en: 'applications carried over' },
    numerator: [applications('carriedOverFromLastYear')],
    editions: BOTH,
  },
  {
    key: 'handled',
    label: { zh: '本年度办理总数', en: 'applications handled' },
    numerator: [applications('results/total')],
    editions: BOTH,
  },
  {
    key: 'disclosedShare',
    label: { zh: '予以公开占比', en: 'share disclosed in full' },
    numerator: [applications('results/disclosed')],
    denominator: [applications('results/total')],
    editions: BOTH,
  },
  {
    key: 'partiallyDisclosedShare',
    label: { zh: '部分公开占比', en: 'share partially disclosed' },
    numerator: [applications('results/partiallyDisclosed')],
    denominator: [applications('results/total')],
    editions: BOTH,
  },
  {
    key: 'reconsiderations',
    label: { zh: '行政复议案件数', en: 'administrative reconsiderations' },
    numerator: [review('administrativeReconsideration/total')],
    editions: BOTH,
  },
  {
    key: 'reconsiderationCorrectedRate',
    label: { zh: '行政复议纠正率', en: 'rate of reconsiderations corrected' },
    numerator: [review('administrativeReconsideration/corrected')],
    denominator: [review('administrativeReconsideration/total')],
    editions: BOTH,
  },
  {
    key: 'litigations',
    label: { zh: '行政诉讼案件数', en: 'administrative litigation cases' },
    numerator: [
      review('administrativeLitigation/withoutReconsideration/total'),
      review('administrativeLitigation/afterReconsideration/total'),
    ],
    editions: BOTH,
  },
  {
    key: 'litigationCorrectedRate',
    label: { zh: '行政诉讼纠正率', en: 'rate of litigation corrected' },
    numerator: [
      review('administrativeLitigation/withoutReconsideration/corrected'),
      review('administrativeLitigation/afterReconsideration/corrected'),
    ],
    denominator: [
      review('administrativeLitigation/withoutReconsideration/total'),
      review('administrativeLitigation/afterReconsideration/total'),
    ],
    editions: BOTH,
  },
];

export const measureByKey = (key: string) => MEASURES.find((measure) => measure.key === key);
