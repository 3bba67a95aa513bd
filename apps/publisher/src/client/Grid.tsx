/**
 * A statistical table as a spreadsheet-like grid, in the official layout: the header cells and their
 * spans come from @nianbao/view-model's edition layout, the same one the HTML renderer draws.
 * Arrow keys, Tab and Enter move; typing replaces (a focused cell's text is selected); a block pasted
 * from Excel or WPS (tab-separated lines) fills the cells from the focused one as one undo step.
 * A blank cell, 「/」 or 「—」 is not reported (null), which is not 0.
 */
import { memo, useMemo } from 'react';
import type { DataCellLayout, HeaderCell, TableLayout } from '@nianbao/view-model';
import type { Finding } from '@nianbao/validator';
import { fromPointer } from '../shared/doc.js';
import { cellText, parseCell, valuePath } from './cells.js';
import { noteOf, useFindingsUnder, useSlice, useStore } from './context.js';
import { useGridKeys } from './grid-keys.js';
import { useWords } from './i18n.js';

export { cellText, parseCell };

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
  const { onKeyDown, onPaste } = useGridKeys(table, change);

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
