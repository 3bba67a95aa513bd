/**
 * Rows that lost their labels. A PDF-to-text converter can leave a table's rows as numbers only
 * (`| 0 | 0 | 0 | 0 | 0 | 0 | 0 |`) with the labels elsewhere as loose lines; the rows still come in
 * the document's order. Between two rows that were placed by their labels, a run of such rows is the
 * official rows between those two, one for one, when (and only when) there are exactly as many: the
 * edition fixes the order of its rows. This module plans that placement; the reader then checks it
 * against the table's sums (table-sums.ts) before keeping it.
 */
import type { LocalizedText } from '@nianbao/template';
import type { ColumnNode, RowNode } from './spec.js';
import { leavesOf } from './spec.js';
import type { ColumnMapping } from './tables.js';
import { labelKey } from './text.js';

/** What a row of the table became, in document order. */
export type TrailEntry<T> =
  /** Placed by its label, read with this column mapping. */
  | { kind: 'placed'; row: RowNode; mapping: ColumnMapping }
  /** Numbers with no label that names a row, as many as a row has columns. */
  | { kind: 'unlabelled'; item: T }
  /** Numbers that are neither (another count of cells, a repeated row): nothing between its neighbours is placed by order. */
  | { kind: 'blocker' };

/** An unlabelled row: its label fragments (a label cut by the converter, possibly none) and its value count. */
export interface UnlabelledRow {
  labels: string[];
  values: number;
}

export interface RunPlan<T> {
  items: T[];
  /** The official row of each item. */
  targets: RowNode[];
  /** The column mapping of each target (the bounding rows' one, on the target's own columns). */
  mappings: ColumnMapping[];
  /** The rows placed by their labels right before and after the run. */
  between: [RowNode, RowNode];
}

export interface RunRefusal<T> {
  items: T[];
  reason: LocalizedText;
}

const pathOf = (leaf: ColumnNode | null): string => (leaf ? leaf.path.join('/') : '');

/** Both bounding rows were read with the same columns (by their place in the row), as text rows are. */
function sameSequence(a: ColumnMapping, b: ColumnMapping): boolean {
  if (a.mode !== 'sequence' || b.mode !== 'sequence' || a.order.length !== b.order.length) return false;
  return a.order.every((leaf, index) => leaf !== null && pathOf(leaf) === pathOf(b.order[index] ?? null));
}

/** A sequence mapping moved onto another row's columns (rows of a table share their column paths). */
function onColumns(mapping: ColumnMapping, columns: ColumnNode[]): ColumnMapping | undefined {
  if (mapping.mode !== 'sequence') return undefined;
  const byPath = new Map([...leavesOf(columns)].map((leaf) => [pathOf(leaf), leaf]));
  const order = mapping.order.map((leaf) => byPath.get(pathOf(leaf)));
  if (order.some((leaf) => leaf === undefined) || order.length !== byPath.size) return undefined;
  return { mode: 'sequence', order: order as ColumnNode[], units: new Map() };
}

/** Label fragments left on a row must be pieces of its official label (or its group's), else it is another row. */
export function fragmentsFit(labels: string[], target: RowNode): boolean {
  const official = target.titles.map((title) => labelKey(title).key).join('');
  return labels.every((label) => {
    const fragment = labelKey(label).key;
    return fragment === '' || official.includes(fragment);
  });
}

const refusal = <T>(items: T[], zh: string, en: string): RunRefusal<T> => ({ items, reason: { zh, en } });

function resolveRun<T extends UnlabelledRow>(
  items: T[],
  after: Extract<TrailEntry<T>, { kind: 'placed' }> | undefined,
  before: Extract<TrailEntry<T>, { kind: 'placed' }> | undefined,
  blocked: boolean,
  officialRows: RowNode[],
  found: Set<RowNode>,
): RunPlan<T> | RunRefusal<T> {
  if (!after || !before)
    return refusal(items, '其前后没有可按标签确定的行', 'there is no row placed by its label on both sides');
  if (blocked)
    return refusal(items, '其间还有其他不能确定的数字行', 'other rows of numbers that fit no row lie among them');
  const first = officialRows.indexOf(after.row);
  const last = officialRows.indexOf(before.row);
  const between = last - first - 1;
  if (between !== items.length)
    return refusal(
      items,
      `「${after.row.title}」与「${before.row.title}」之间有 ${items.length} 行无标签的数字，而官方表格在两行之间有 ${Math.max(between, 0)} 行`,
      `${items.length} unlabelled row(s) lie between 「${after.row.title}」 and 「${before.row.title}」, where the official table has ${Math.max(between, 0)}`,
    );
  const targets = officialRows.slice(first + 1, last);
  if (targets.some((row) => found.has(row)))
    return refusal(items, '其间的官方行已在别处找到', 'official rows between them were found elsewhere');
  if (!sameSequence(after.mapping, before.mapping))
    return refusal(items, '前后两行的列不一致', 'the rows around them were not read with the same columns');
  const mappings = targets.map((row) => onColumns(after.mapping, row.columns!));
  const fits = items.every(
    (item, index) =>
      item.values === [...leavesOf(targets[index]!.columns!)].length && fragmentsFit(item.labels, targets[index]!),
  );
  if (!fits || mappings.some((mapping) => mapping === undefined))
    return refusal(
      items,
      '行的格数或残留标签与对应的官方行不符',
      'their cell counts or label fragments do not fit the official rows',
    );
  return { items, targets, mappings: mappings as ColumnMapping[], between: [after.row, before.row] };
}

/**
 * The runs of unlabelled rows in a table's trail, each either planned onto the official rows between the
 * placed rows around it, or refused with the reason.
 */
export function planRuns<T extends UnlabelledRow>(
  trail: TrailEntry<T>[],
  officialRows: RowNode[],
  found: Set<RowNode>,
): { plans: RunPlan<T>[]; refusals: RunRefusal<T>[] } {
  const plans: RunPlan<T>[] = [];
  const refusals: RunRefusal<T>[] = [];
  let after: Extract<TrailEntry<T>, { kind: 'placed' }> | undefined;
  let items: T[] = [];
  let blocked = false;
  const close = (before: typeof after): void => {
    if (items.length === 0) return;
    const result = resolveRun(items, after, before, blocked, officialRows, found);
    if ('targets' in result) plans.push(result);
    else refusals.push(result);
  };
  for (const entry of trail) {
    if (entry.kind === 'unlabelled') items.push(entry.item);
    else if (entry.kind === 'blocker') blocked = true;
    else {
      close(entry);
      after = entry;
      items = [];
      blocked = false;
    }
  }
  close(undefined);
  return { plans, refusals };
}
