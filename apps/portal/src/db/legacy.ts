/**
 * Frozen steps of released migrations. Migration 2 rebuilt a `cells` table of one row per cell from
 * the documents; migration 4 replaced that table, so its step is kept here as it was released (same
 * SQL, same rows) and the live code can change without changing what an old migration does.
 */
import type { Report } from '@nianbao/template';
import { cellsOf, figuresOf } from '../cells.js';
import type { Queryable } from './database.js';

/** Migration 2's step: every revision's cell rows (keyed by ord) and every report's figures. */
export async function recomputeCellRowsV2(tx: Queryable): Promise<void> {
  let after = '';
  for (;;) {
    const reports = await tx.query<{ id: string; revision: number }>(
      'SELECT id, revision FROM reports WHERE id > $1 ORDER BY id LIMIT 500',
      [after],
    );
    if (reports.length === 0) return;
    for (const report of reports) {
      const revisions = await tx.query<{ revision: number; document: Report }>(
        'SELECT revision, document FROM revisions WHERE report_id = $1',
        [report.id],
      );
      for (const stored of revisions) {
        const cells = cellsOf(stored.document);
        await tx.query('DELETE FROM cells WHERE report_id = $1 AND revision = $2', [report.id, stored.revision]);
        if (cells.length > 0)
          await tx.query(
            `INSERT INTO cells (report_id, revision, ord, tbl, row_id, column_id, value, unit)
             SELECT $1, $2, o, t, r, c, v::numeric, u
             FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(o, t, r, c, v, u)`,
            [
              report.id,
              stored.revision,
              cells.map((cell) => cell.ord),
              cells.map((cell) => cell.table),
              cells.map((cell) => cell.rowId),
              cells.map((cell) => cell.columnId),
              cells.map((cell) => cell.value),
              cells.map((cell) => cell.unit),
            ],
          );
        if (stored.revision === report.revision)
          await tx.query('UPDATE reports SET figures = $2 WHERE id = $1', [report.id, figuresOf(cells)]);
      }
    }
    after = reports[reports.length - 1]!.id;
  }
}
