/**
 * Moving and pasting in a grid like a spreadsheet: arrows (left and right at the text's edges or when
 * all is selected), Enter and Shift+Enter; a tab-separated block pasted from Excel or WPS fills the
 * cells from the focused one, row by row, as one undo step.
 */
import { type ClipboardEvent, type KeyboardEvent, useMemo } from 'react';
import type { DataCellLayout, TableLayout } from '@nianbao/view-model';
import { parseCell, valuePath } from './cells.js';
import type { Edit } from './history.js';

/** Data cells by visual row, for moving and pasting. */
function dataRows(table: TableLayout): DataCellLayout[][] {
  const rows: DataCellLayout[][] = [];
  for (const group of table.groups)
    for (const row of group.rows) {
      const cells = row.cells.filter((cell): cell is DataCellLayout => cell.kind === 'data');
      if (cells.length > 0) rows.push(cells);
    }
  return rows;
}

function focusCell(table: string, index: number) {
  const input = document.querySelector<HTMLInputElement>(`input[data-table="${table}"][data-index="${index}"]`);
  input?.focus();
  input?.select();
}

export function useGridKeys(table: TableLayout, change: (edits: Edit[]) => void) {
  const rows = useMemo(() => dataRows(table), [table]);
  const where = useMemo(() => {
    const map = new Map<number, { row: number; column: number }>();
    rows.forEach((cells, row) => {
      cells.forEach((cell, column) => {
        map.set(cell.index, { row, column });
      });
    });
    return map;
  }, [rows]);

  const move = (index: number, rowStep: number, columnStep: number) => {
    const at = where.get(index);
    if (!at) return;
    if (rowStep !== 0) {
      const target = rows[at.row + rowStep];
      if (!target) return;
      const from = rows[at.row]![at.column]!.column;
      const nearest = target.reduce((best, cell) =>
        Math.abs(cell.column - from) < Math.abs(best.column - from) ? cell : best,
      );
      focusCell(table.key, nearest.index);
    } else {
      const target = rows[at.row]![at.column + columnStep];
      if (target) focusCell(table.key, target.index);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const input = event.target as HTMLInputElement;
    if (input.dataset.index === undefined) return;
    const index = Number(input.dataset.index);
    const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const key = event.key;
    if (key === 'ArrowUp' || key === 'ArrowDown') move(index, key === 'ArrowUp' ? -1 : 1, 0);
    else if (key === 'Enter') move(index, event.shiftKey ? -1 : 1, 0);
    else if (key === 'ArrowLeft' && (all || input.selectionEnd === 0)) move(index, 0, -1);
    else if (key === 'ArrowRight' && (all || input.selectionStart === input.value.length)) move(index, 0, 1);
    else return;
    event.preventDefault();
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const input = event.target as HTMLInputElement;
    const at = input.dataset.index === undefined ? undefined : where.get(Number(input.dataset.index));
    const text = event.clipboardData.getData('text/plain');
    if (!at || !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
    const edits: Edit[] = [];
    lines.forEach((line, i) => {
      const row = rows[at.row + i];
      line.split('\t').forEach((value, j) => {
        const cell = row?.[at.column + j];
        if (cell) edits.push({ path: valuePath(cell), value: parseCell(value, cell.valueKind) });
      });
    });
    change(edits);
  };

  return { onKeyDown, onPaste };
}
