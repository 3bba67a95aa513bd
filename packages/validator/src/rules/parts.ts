/**
 * A 总计 the report left blank, read from its row's other cells (statedCount's `totalsFromParts`).
 *
 * Why: reports leave a total blank (sh-gov-office-2019 left 予以公开 and 部分公开 without 总计) and still
 * state the number in their text; the row's cells say what the total is. The rows of tables 三 and 四
 * add up to their 总计 (B-ROW, C-SUM) and counts are never negative, so the other cells give the total
 * exactly when all of them are reported, and otherwise the least it can be: a text stating fewer is
 * wrong whatever the blank cells hold.
 */
import type { NullCell, Scope } from './scope.js';
import { valueIn } from './scope.js';

export interface PartsBound {
  /** The sum of the reported parts: the total when `exact`, else the least it can be. */
  least: number;
  exact: boolean;
}

const TOTAL = '/total';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Adds the count leaves below `value` into `bound`; false when a leaf is not a count (or a nested total). */
function addLeaves(value: unknown, bound: PartsBound): boolean {
  if (value === null) {
    bound.exact = false;
    return true;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) return false;
    bound.least += value;
    return true;
  }
  // A group of columns (法人或其他组织: five cells) is a part; a group with its own total is not this shape.
  if (!isRecord(value) || 'total' in value) return false;
  return Object.values(value).every((leaf) => addLeaves(leaf, bound));
}

/** The total at a blank cell `…/total` of this year's report from its siblings; undefined when not of that shape. */
export function totalFromParts(cell: NullCell, scope: Scope): PartsBound | undefined {
  if (cell.previous || !cell.pointer.endsWith(TOTAL)) return undefined;
  const row = valueIn(scope.current.value, cell.pointer.slice(0, -TOTAL.length));
  if (!isRecord(row)) return undefined;
  const bound: PartsBound = { least: 0, exact: true };
  const parts = Object.entries(row).filter(([key]) => key !== 'total');
  if (parts.length === 0) return undefined;
  return parts.every(([, value]) => addLeaves(value, bound)) ? bound : undefined;
}

/**
 * The sum of terms whose blank totals are read from their parts: `known` (the reported terms' sum) plus
 * each blank total's bound. Undefined when a blank cell is not a total of that shape.
 */
export function boundWithParts(known: number, nulls: readonly NullCell[], scope: Scope): PartsBound | undefined {
  const bound: PartsBound = { least: known, exact: true };
  for (const cell of nulls) {
    const parts = totalFromParts(cell, scope);
    if (!parts) return undefined;
    bound.least += parts.least;
    bound.exact &&= parts.exact;
  }
  return bound;
}
