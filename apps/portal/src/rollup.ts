/**
 * The aggregates' roll-up: per (year, division, level, edition), the reports stored (`stored`, every
 * one: the list's total), the reports without errors (`reports`), the sum of each key figure of those
 * (cells.ts FIGURE_KEYS, by position) and how many of them state it. Written in each submission's
 * statement (the old revision out, the new one in), so /api/aggregates and the list's total read a
 * few hundred group rows instead of every report: measured at 10,000 reports on PGlite, the pass over
 * every report was most of an aggregate's time, and it grows with the reports (200,000).
 */
import type { Queryable } from './db/database.js';

/**
 * Element-wise sums of the figures arrays of `source` per group, as rows ready for `rollup`. `source`
 * is a CTE of year, division, level, edition, sign (+1 in, -1 out), counted (the sign for a report
 * without errors, else 0) and figures.
 */
const GROUPED = (source: string) => `
  SELECT g.year, g.division, g.level, g.edition, g.reports, g.stored, coalesce(e.sums, '{}'), coalesce(e.stated, '{}')
  FROM (SELECT year, division, level, edition, sum(counted)::int AS reports, sum(sign)::int AS stored
        FROM ${source} GROUP BY 1, 2, 3, 4) g
  LEFT JOIN (
    SELECT year, division, level, edition, array_agg(s ORDER BY i) AS sums, array_agg(n ORDER BY i) AS stated
    FROM (
      SELECT d.year, d.division, d.level, d.edition, u.i,
        sum(d.counted * coalesce(u.x, 0))::float8 AS s, sum(CASE WHEN u.x IS NULL THEN 0 ELSE d.counted END)::int AS n
      FROM ${source} AS d, unnest(d.figures) WITH ORDINALITY AS u(x, i) GROUP BY 1, 2, 3, 4, 5) per_figure
    GROUP BY 1, 2, 3, 4) e USING (year, division, level, edition)
  ORDER BY 1, 2, 3, 4`;

/** The element-wise sum of two arrays of figures (a missing element counts 0). */
export const ROLLUP_ADD = (a: string, b: string) =>
  `(SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i) FROM unnest(${a}, ${b}) WITH ORDINALITY AS u(x, y, i))`;

/** What an upsert into `rollup` does with a group's row already there: adds. */
export const ROLLUP_ON_CONFLICT = `ON CONFLICT (year, division, level, edition) DO UPDATE SET
    reports = rollup.reports + EXCLUDED.reports, stored = rollup.stored + EXCLUDED.stored,
    sums = ${ROLLUP_ADD('rollup.sums', 'EXCLUDED.sums')}, stated = ${ROLLUP_ADD('rollup.stated', 'EXCLUDED.stated')}`;

/** The upsert that adds grouped deltas to the roll-up (rows in key order: no deadlock between servers). */
export const ROLLUP_UPSERT = (source: string) => `
  INSERT INTO rollup (year, division, level, edition, reports, stored, sums, stated) ${GROUPED(source)}
  ${ROLLUP_ON_CONFLICT}`;

/** Rebuilds the roll-up from the reports (a migration's step; the benchmark after copying reports in SQL). */
export async function rebuildRollup(tx: Queryable): Promise<void> {
  await tx.query('DELETE FROM rollup');
  await tx.query(
    `WITH all_reports AS (
       SELECT year, division, level, edition, 1 AS sign, CASE WHEN errors = 0 THEN 1 ELSE 0 END AS counted, figures
       FROM reports)
     ${ROLLUP_UPSERT('all_reports')}`,
  );
}
