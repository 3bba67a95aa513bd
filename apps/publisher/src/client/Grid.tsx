/**
 * A statistical table as a spreadsheet-like grid, in the official layout: the header cells and their
 * spans come from @nianbao/view-model's edition layout, the same one the HTML renderer draws.
 * Arrow keys, Tab and Enter move; typing replaces (a focused cell's text is selected); a block pasted
 * from Excel or WPS (tab-separated lines) fills the cells from the focused one as one undo step.
 * A blank cell, 「/」 or 「—」 is not reported (null), which is not 0.
 */
import { memo, useMemo, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { DataCellLayout, HeaderCell, TableLayout, ValueKind } from '@nianbao/view-model';
import type { Finding } from '@nianbao/validator';
import { fromPointer, getAt } from '../shared/doc.js';
import { noteOf, useFindingsUnder, useSlice, useStore } from './context.js';
import type { Edit } from './history.js';
import { useWords } from './i18n.js';

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

const valuePath = (cell: DataCellLayout) => (cell.valueKind === 'money' ? [...cell.segments, 'value'] : cell.segments);

export function cellText(document: unknown, cell: DataCellLayout): string {
  const value = getAt(document, valuePath(cell));
  return value === null || value === undefined ? '' : String(value);
}

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

export const Grid = memo(function Grid({ table }: { table: TableLayout }) {
  const { t, lang } = useWords();
  const store = useStore();
  const { change } = store;
  // Re-rendered when this table's values or findings change; cells re-render when their own do.
  const tablePath = useMemo(() => fromPointer(table.pointer), [table]);
  useSlice(tablePath);
  useFindingsUnder(table.pointer);
  const doc = store.state.document;
  const findings = store.state.findings;
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

  const header = (cell: HeaderCell, i: number) => (
    <th
      key={`h${i}`}
      id={`g-${cell.id}`}
      scope={cell.scope}
      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
    >
      {cell.text}
    </th>
  );
  const render = (cell: HeaderCell | DataCellLayout, i: number) =>
    cell.kind === 'header' ? (
      header(cell, i)
    ) : (
      <GridCell
        key={cell.index}
        table={table.key}
        cell={cell}
        text={cellText(doc, cell)}
        found={
          findings.get(cell.pointer) ??
          findings.get(valuePath(cell).length > cell.segments.length ? `${cell.pointer}/value` : '\u0000')
        }
        words={t}
        lang={lang}
        onEdit={(value) => change([{ path: valuePath(cell), value: parseCell(value, cell.valueKind) }], cell.pointer)}
      />
    );
  return (
    <section className="grid-scroll" aria-label={table.caption}>
      <table className="grid" onKeyDown={onKeyDown} onPaste={onPaste} data-pointer={table.pointer}>
        <caption>{table.caption}</caption>
        <thead>
          {table.head.map((row, r) => (
            <tr key={`head${r}`}>{row.cells.map(render)}</tr>
          ))}
        </thead>
        {table.groups.map((group) => (
          <tbody key={group.key}>
            {group.rows.map((row, r) => (
              <tr key={`${group.key}${r}`}>{row.cells.map(render)}</tr>
            ))}
          </tbody>
        ))}
      </table>
      <p className="hint">{t.gridHint}</p>
    </section>
  );
});

interface CellProps {
  table: string;
  cell: DataCellLayout;
  text: string;
  found: Finding[] | undefined;
  words: ReturnType<typeof useWords>['t'];
  lang: 'zh' | 'en';
  onEdit(value: string): void;
}

const GridCell = memo(
  function GridCell({ table, cell, text, found, words, lang, onEdit }: CellProps) {
    const note = found ? noteOf(found, words) : undefined;
    const noteId = `note-${cell.index}-${table}`;
    return (
      <td
        colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
        className={note ? `finding-${note.severity}` : text === '' ? 'not-reported' : undefined}
      >
        <input
          data-table={table}
          data-index={cell.index}
          data-pointer={cell.pointer}
          aria-label={`${cell.rowLabels.join(' ')} ${cell.columnLabels.join(' ')}`.trim()}
          aria-invalid={note?.severity === 'error' ? true : undefined}
          aria-describedby={note ? noteId : undefined}
          inputMode={cell.valueKind === 'count' ? 'numeric' : 'decimal'}
          placeholder="—"
          value={text}
          onFocus={(event) => event.target.select()}
          onChange={(event) => onEdit(event.target.value)}
        />
        {note && (
          <span className="note" id={noteId} title={note.message.message[lang]}>
            {note.text}
            <span className="sr-only">：{note.message.message[lang]}</span>
          </span>
        )}
      </td>
    );
  },
  (a, b) => a.text === b.text && a.found === b.found && a.words === b.words && a.cell === b.cell,
);
