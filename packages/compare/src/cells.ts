/** Every table cell of two reports of one edition side by side. */
import { rulesFor, type Edition, type JsonSchema } from '@nianbao/template';
import { editionLayout, formatValue, type DataCellLayout } from '@nianbao/view-model';
import type { CarryOverCheck, CellComparison } from './types.js';

function read(document: unknown, segments: readonly string[]): unknown {
  let node = document;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

const UNIT_FACTOR: Record<string, number> = { 元: 1, 万元: 10_000 };

/** A cell's value as a number (an amount in 元 when its unit is known), or null when not reported. */
function numeric(layout: DataCellLayout, raw: unknown): { value: number | null; display: string } {
  const formatted = formatValue(layout.valueKind, raw);
  if (formatted.notReported || formatted.value === null) return { value: null, display: formatted.display };
  const value = typeof formatted.value === 'number' ? formatted.value : Number(formatted.value);
  if (!Number.isFinite(value)) return { value: null, display: formatted.display };
  const factor = formatted.unit ? (UNIT_FACTOR[formatted.unit] ?? 1) : 1;
  return { value: value * factor, display: formatted.display };
}

/** More than ten times (or a tenth of) last year, or down to 0 from something. */
function flagOf(last: number, current: number): CellComparison['flag'] {
  if (last !== 0 && current === 0) return 'toZero';
  const a = Math.abs(last);
  const b = Math.abs(current);
  if (a > 0 && b > 0 && (b >= 10 * a || a >= 10 * b)) return 'factor';
  return undefined;
}

/** Every cell of the edition's three tables, largest absolute change first, then in table order. */
export function compareCells(edition: Edition, last: unknown, current: unknown, schema?: JsonSchema): CellComparison[] {
  const cells: (CellComparison & { order: number })[] = [];
  // With a schema patched by local extensions, the rows they add are compared too.
  for (const table of editionLayout(edition, schema).tables) {
    for (const layout of table.cells) {
      const before = numeric(layout, read(last, layout.segments));
      const after = numeric(layout, read(current, layout.segments));
      const both = before.value !== null && after.value !== null;
      const change = both ? after.value! - before.value! : null;
      const cell: CellComparison & { order: number } = {
        table: table.key,
        pointer: layout.pointer,
        rowLabels: [...layout.rowLabels],
        columnLabels: [...layout.columnLabels],
        last: before.value,
        current: after.value,
        lastDisplay: before.display,
        currentDisplay: after.display,
        change: change === null ? null : Math.round(change * 100) / 100,
        percent: both && before.value !== 0 ? Math.round((change! / Math.abs(before.value!)) * 1000) / 10 : null,
        order: cells.length,
      };
      const flag = both ? flagOf(before.value!, after.value!) : undefined;
      if (flag) cell.flag = flag;
      cells.push(cell);
    }
  }
  const size = (cell: CellComparison) => (cell.change === null ? -1 : Math.abs(cell.change));
  cells.sort((a, b) => size(b) - size(a) || a.order - b.order);
  return cells.map(({ order: _order, ...cell }) => cell);
}

interface CompareCheck {
  type: string;
  left?: string[];
  right?: string[];
}

/**
 * This year's 上年结转 against last year's 结转下年度继续办理, column by column: the pairs are read from
 * the edition's X-CARRY rule (`left` of this year, `prev:` of last year), not written twice.
 */
export function carryOver(edition: Edition, last: unknown, current: unknown): CarryOverCheck[] {
  const rule = rulesFor(edition).rules.find((candidate) => candidate.id === 'X-CARRY');
  if (!rule) return [];
  const base = (rule as { base?: string }).base ?? '';
  const columns = ((rule as { forEach?: Record<string, string[]> }).forEach ?? {}).col ?? [];
  const check = (rule.checks as CompareCheck[]).find((candidate) => candidate.type === 'compare');
  const left = check?.left?.[0];
  const right = check?.right?.[0]?.replace(/^prev:/, '');
  if (!left || !right) return [];
  const applications = editionLayout(edition).tables.find((table) => table.pointer === base);
  const out: CarryOverCheck[] = [];
  for (const column of columns) {
    const thisPointer = `${base}/${left.replace('{col}', column)}`;
    const lastPointer = `${base}/${right.replace('{col}', column)}`;
    const layout = applications?.cells.find((cell) => cell.pointer === thisPointer);
    const label = layout ? layout.columnLabels.join(' › ') : column;
    const value = (document: unknown, pointer: string) => {
      const raw = read(document, pointer.slice(1).split('/'));
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    };
    const carried = value(current, thisPointer);
    const forward = value(last, lastPointer);
    out.push({
      column: label,
      pointer: thisPointer,
      carriedOver: carried,
      lastCarriedForward: forward,
      matches: carried === null || forward === null ? null : carried === forward,
    });
  }
  return out;
}
