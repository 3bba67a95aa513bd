/**
 * Placing the rows that lost their labels (see unlabelled-rows.ts) at the end of a table's reading: the
 * planned runs are kept only when every sum of the edition's rules that involves their cells can be
 * computed and holds (table-sums.ts); a run that fails is left unplaced, with a warning naming its rows
 * and why. The order of the rows says where a row goes; the sums say the rows are the table's own (no
 * row missing, none extra, none misread), so a number is never put in a cell on the order alone.
 */
import { type Edition, toPointer } from '@nianbao/template';
import { leavesOf, type RowNode, rowsOf, type TableSpec } from './spec.js';
import { numberIn, type SumCheck, sumChecks, sumOutcome } from './table-sums.js';
import { type ColumnMapping, type RowView, rowText, type SplitRow, valuesOf } from './tables.js';
import type { ImportWarning } from './types.js';
import { planRuns, type RunPlan, type RunRefusal, type TrailEntry, type UnlabelledRow } from './unlabelled-rows.js';
import { numberText, readCell } from './values.js';

export interface PendingRow extends UnlabelledRow {
  row: RowView;
  split: SplitRow;
}

/** What the reader offers to place rows by order (TableReader). */
export interface OrderReader {
  readonly trail: TrailEntry<PendingRow>[];
  readonly found: Map<RowNode, unknown>;
  readonly table: Record<string, unknown>;
  readonly warnings: ImportWarning[];
  writeRow(row: RowView, split: SplitRow, target: RowNode, mapping: ColumnMapping): void;
  /** Reports a row as matching no official row (kept as unplaced text). */
  unrecognised(row: RowView): void;
}

/**
 * A row of numbers that matched no official row, as an entry of the trail: unlabelled when all its cells
 * are numbers (label fragments aside), nothing for a lone number without a label (a page number, a stray
 * digit: no row), else a blocker.
 */
export function trailEntryOf(row: RowView, split: SplitRow): TrailEntry<PendingRow> | undefined {
  const values = [...split.values];
  while (values.length > 0 && values[values.length - 1] === '') values.pop();
  if (split.labels.length === 0 && values.length <= 1) return undefined;
  if (values.length > 1 && values.every((value) => value !== '' && numberText(value) !== undefined))
    return { kind: 'unlabelled', item: { labels: split.labels, values: values.length, row, split } };
  return { kind: 'blocker' };
}

const joined = (row: RowNode, leafPath: string[]): string => [...row.path, ...leafPath].join('/');

/** The numbers a plan would put in the table (path → value), or undefined when a cell is not a count. */
function planValues(plan: RunPlan<PendingRow>): Map<string, number> | undefined {
  const values = new Map<string, number>();
  for (const [index, item] of plan.items.entries()) {
    const target = plan.targets[index]!;
    const raws = valuesOf(item.row, item.split, plan.mappings[index]!, target.columns!);
    for (const leaf of leavesOf(target.columns!)) {
      const reading = readCell(raws.get(leaf) ?? '', leaf.kind!);
      if (reading.status !== 'value' || typeof reading.value !== 'number') return undefined;
      values.set(joined(target, leaf.path), reading.value);
    }
  }
  return values;
}

/** Why a plan cannot be kept under the sums (undefined: it can), given the plans kept with it. */
function sumsObjection(
  plan: RunPlan<PendingRow>,
  own: Map<string, number>,
  valueAt: (path: string) => number | undefined,
  checks: SumCheck[],
): RunRefusal<PendingRow>['reason'] | undefined {
  const involved = checks.filter((check) => check.paths.some((path) => own.has(path)));
  const uncovered = plan.targets.find(
    (target) => !involved.some((check) => check.paths.some((p) => p.startsWith(`${target.path.join('/')}/`))),
  );
  if (uncovered)
    return { zh: `没有合计可核对「${uncovered.title}」`, en: `no sum of the table checks 「${uncovered.title}」` };
  const failing = involved.filter((check) => sumOutcome(check, valueAt) !== 'holds');
  if (failing.length === 0) return undefined;
  const rules = [...new Set(failing.map((check) => check.rule))].join('、');
  return {
    zh: `表格合计（${rules}）与之不符或无法核对`,
    en: `the table's sums (${rules}) do not hold with them or cannot be computed`,
  };
}

/** The plans that every sum involving them confirms; the others refused (repeated: dropping one can undo another's check). */
function confirmBySums(
  plans: RunPlan<PendingRow>[],
  reader: OrderReader,
  checks: SumCheck[],
): { kept: RunPlan<PendingRow>[]; refused: RunRefusal<PendingRow>[] } {
  const refused: RunRefusal<PendingRow>[] = [];
  let kept: { plan: RunPlan<PendingRow>; values: Map<string, number> }[] = [];
  for (const plan of plans) {
    const values = planValues(plan);
    if (values) kept.push({ plan, values });
    else refused.push({ items: plan.items, reason: { zh: '有的单元格不是数字', en: 'a cell is not a count' } });
  }
  for (let changed = true; changed; ) {
    const overlay = new Map(kept.flatMap(({ values }) => [...values]));
    const valueAt = (path: string) => overlay.get(path) ?? numberIn(reader.table, path);
    const next = kept.filter(({ plan, values }) => {
      const reason = sumsObjection(plan, values, valueAt, checks);
      if (reason) refused.push({ items: plan.items, reason });
      return !reason;
    });
    changed = next.length !== kept.length;
    kept = next;
  }
  return { kept: kept.map(({ plan }) => plan), refused };
}

const rowName = (row: RowNode): string => row.titles.join(' ');

/** Places the unlabelled rows of a table where their order and the sums agree; reports the others. */
export function placeByOrder(reader: OrderReader, spec: TableSpec, edition: Edition | undefined): void {
  const pending = reader.trail.filter((entry) => entry.kind === 'unlabelled');
  if (pending.length === 0) return;
  const planned = edition
    ? planRuns(reader.trail, [...rowsOf(spec.root)], new Set(reader.found.keys()))
    : { plans: [], refusals: [] };
  const { kept, refused } = confirmBySums(planned.plans, reader, edition ? sumChecks(edition, spec.id) : []);
  for (const plan of kept) {
    plan.items.forEach((item, index) => {
      const target = plan.targets[index]!;
      reader.writeRow(item.row, item.split, target, plan.mappings[index]!);
      reader.warnings.push({
        code: 'row-by-order',
        message: {
          zh: `原文「${rowText(item.row)}」没有行标签：按官方行序（「${plan.between[0].title}」与「${plan.between[1].title}」之间）读作「${rowName(target)}」，表格合计核对无误。`,
          en: `「${rowText(item.row)}」 has no row label: read as 「${rowName(target)}」 by the official order of the rows (between 「${plan.between[0].title}」 and 「${plan.between[1].title}」); the table's sums hold.`,
        },
        at: toPointer(['sections', spec.id, 'table', ...target.path]),
        from: item.row.from,
      });
    });
  }
  for (const { items, reason } of [...planned.refusals, ...refused]) {
    const rows = items.map((item) => item.row.from).join('、');
    reader.warnings.push({
      code: 'row-unrecognised',
      message: {
        zh: `${items.length} 行没有行标签的数字（${rows}）未按行序归位：${reason.zh}。`,
        en: `${items.length} row(s) of numbers without a label (${rows}) not placed by the order of the rows: ${reason.en}.`,
      },
      from: items[0]!.row.from,
    });
    for (const item of items) reader.unrecognised(item.row);
  }
}
