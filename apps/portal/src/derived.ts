/**
 * What the portal derives from a stored revision: its cell rows and the report's key figures. Written
 * with the revision (same transaction) and recomputed from the documents by a migration that changes
 * their shape.
 */
import type { Report } from '@nianbao/template';
import { type CellRow, cellsOf, figuresOf } from './cells.js';
import type { Queryable } from './db/database.js';

export async function insertCells(
  tx: Queryable,
  id: string,
  revision: number,
  cells: readonly CellRow[],
): Promise<void> {
  if (cells.length === 0) return;
  // One statement with six arrays: the same round trip for 200 cells as for one.
  await tx.query(
    `INSERT INTO cells (report_id, revision, ord, tbl, row_id, column_id, value, unit)
     SELECT $1, $2, o, t, r, c, v::numeric, u
     FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(o, t, r, c, v, u)`,
    [
      id,
      revision,
      cells.map((cell) => cell.ord),
      cells.map((cell) => cell.table),
      cells.map((cell) => cell.rowId),
      cells.map((cell) => cell.columnId),
      cells.map((cell) => cell.value),
      cells.map((cell) => cell.unit),
    ],
  );
}

/** Rebuilds every revision's cells and every report's figures from the stored documents. */
export async function recomputeDerived(tx: Queryable): Promise<void> {
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
        await insertCells(tx, report.id, stored.revision, cells);
        if (stored.revision === report.revision)
          await tx.query('UPDATE reports SET figures = $2 WHERE id = $1', [report.id, figuresOf(cells)]);
      }
    }
    after = reports[reports.length - 1]!.id;
  }
}
