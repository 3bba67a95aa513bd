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

/** Migration 5's step as released: the roll-up (without `stored`) from the reports without errors. */
export async function rebuildRollupV5(tx: Queryable): Promise<void> {
  await tx.query('DELETE FROM rollup');
  await tx.query(
    `WITH d AS (SELECT year, division, level, edition, 1 AS sign, figures FROM reports WHERE errors = 0)
     INSERT INTO rollup (year, division, level, edition, reports, sums, stated)
     SELECT g.year, g.division, g.level, g.edition, g.reports, coalesce(e.sums, '{}'), coalesce(e.stated, '{}')
     FROM (SELECT year, division, level, edition, sum(sign)::int AS reports FROM d GROUP BY 1, 2, 3, 4) g
     LEFT JOIN (
       SELECT year, division, level, edition, array_agg(s ORDER BY i) AS sums, array_agg(n ORDER BY i) AS stated
       FROM (
         SELECT d.year, d.division, d.level, d.edition, u.i,
           sum(d.sign * coalesce(u.x, 0))::float8 AS s, sum(CASE WHEN u.x IS NULL THEN 0 ELSE d.sign END)::int AS n
         FROM d, unnest(d.figures) WITH ORDINALITY AS u(x, i) GROUP BY 1, 2, 3, 4, 5) per_figure
       GROUP BY 1, 2, 3, 4) e USING (year, division, level, edition)`,
  );
}
