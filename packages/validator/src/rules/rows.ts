/**
 * The rows the rules read, each looked up once per evaluation: the rules read hundreds of cells of the
 * same few dozen rows, and every step from the root is a keyed lookup in objects of many shapes. A row
 * keeps its value only during the evaluation that read it (`release`): nothing of a report outlives
 * validateReport.
 */
import { step, type Steps } from './scope.js';

export interface Row {
  /** The row above (undefined: the document itself), whose value is read once too, and the step from it. */
  parent: Row | undefined;
  key: string | number;
  /** The key names no property every object inherits (step). */
  plain: boolean;
  /** Per document (0: this year's, 1: last year's): the evaluation that read the value, and the value. */
  stamps: [number, number];
  values: [unknown, unknown];
}

const rows = new Map<string, Row>();
const touched: Row[] = [];
let generation = 0;

/** The row at a pointer, `steps` its segments (shared by every rule that reads it). */
export function row(pointer: string, steps: Steps): Row {
  let found = rows.get(pointer);
  if (!found) {
    // Documents bring any number of unknown keys: keep the table bounded (rows handed out stay valid).
    if (rows.size > 100_000) rows.clear();
    const key = steps[steps.length - 1] ?? '';
    found = {
      parent: steps.length === 0 ? undefined : row(pointer.slice(0, pointer.lastIndexOf('/')), steps.slice(0, -1)),
      key,
      plain: typeof key === 'number' || (!(key in Object.prototype) && key !== '__proto__'),
      stamps: [0, 0],
      values: [undefined, undefined],
    };
    rows.set(pointer, found);
  }
  return found;
}

/** A new evaluation: no row value read before counts. */
export const nextGeneration = (): number => ++generation;

export function rowValue(row: Row, root: unknown, slot: 0 | 1, current: number): unknown {
  if (row.stamps[slot] === current) return row.values[slot];
  if (row.stamps[0] !== current && row.stamps[1] !== current) touched.push(row);
  row.stamps[slot] = current;
  row.values[slot] = row.parent ? step(rowValue(row.parent, root, slot, current), row.key, row.plain) : root;
  return row.values[slot];
}

/** The end of an evaluation: the rows forget the report's values. */
export function release(): void {
  for (const row of touched) {
    row.stamps = [0, 0];
    row.values = [undefined, undefined];
  }
  touched.length = 0;
}
