/** What a grid cell holds: the document value of typed text, and the text of a value. */
import type { DataCellLayout, ValueKind } from '@nianbao/view-model';
import { getAt } from '../shared/doc.js';

const NOT_REPORTED = /^(|\/|／|—+|-|－|–)$/;

/** The document value of what was typed into a cell of this kind. */
export function parseCell(text: string, kind: ValueKind): unknown {
  const trimmed = text.trim();
  if (NOT_REPORTED.test(trimmed)) return null;
  const plain = trimmed.replace(/[,，\s]/g, '');
  if (kind === 'count' && /^\d+$/.test(plain)) return Number(plain);
  if (kind === 'signedCount' && /^[+-]?\d+$/.test(plain)) return Number(plain);
  if (kind === 'amount' || kind === 'money') return plain;
  // Not a number of this kind: kept as typed, so the validator shows the problem at the cell.
  return trimmed;
}

export const valuePath = (cell: DataCellLayout) =>
  cell.valueKind === 'money' ? [...cell.segments, 'value'] : cell.segments;

export function cellText(document: unknown, cell: DataCellLayout): string {
  const value = getAt(document, valuePath(cell));
  return value === null || value === undefined ? '' : String(value);
}
