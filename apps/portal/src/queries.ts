/**
 * The public queries. Every value from a request travels as a parameter (`$n`); the only text put
 * into SQL is chosen from fixed lists in this file (column names, measure cell references by index).
 */
import { figurePosition } from './cells.js';
import type { Queryable } from './db/database.js';
import { placeInfos } from './derived.js';
import { divisionName } from './divisions.js';
import { apiError, type ApiError } from './errors.js';
import { type CellRef, type Measure, measureByKey, MEASURES } from './measures.js';

export type Params = Record<string, string | undefined>;

export interface ReportFilter {
  year?: number;
  division?: string;
  level?: string;
  q?: string;
  edition?: string;
}

const LEVELS = ['central', 'provincial', 'municipal', 'county', 'township'];

/** Reads the filters shared by every listing; a malformed one is a 400, never a query. */
export function readFilter(params: Params): ReportFilter | ApiError {
  const filter: ReportFilter = {};
  if (params.year !== undefined && params.year !== '') {
    if (!/^\d{4}$/.test(params.year))
      return apiError(400, 'BAD_REQUEST', `year 须为四位年份：${JSON.stringify(params.year)}`);
    filter.year = Number(params.year);
  }
  if (params.division) {
    if (!/^\d{2,6}$/.test(params.division))
      return apiError(400, 'BAD_REQUEST', `division 须为 2–6 位行政区划代码：${JSON.stringify(params.division)}`);
    // 340000 is the province: its reports are every code starting 34.
    filter.division = params.division.replace(/(00)+$/, '') || params.division;
  }
  if (params.level) {
    if (!LEVELS.includes(params.level))
      return apiError(400, 'BAD_REQUEST', `level 须为 ${LEVELS.join('、')} 之一：${JSON.stringify(params.level)}`);
    filter.level = params.level;
  }
  if (params.q) filter.q = params.q.slice(0, 200);
  if (params.edition) filter.edition = params.edition;
  return filter;
}

export function readPage(params: Params, maxSize = 100): { limit: number; offset: number; page: number } | ApiError {
  const page = params.page === undefined || params.page === '' ? 1 : Number(params.page);
  const size = params.pageSize === undefined || params.pageSize === '' ? 20 : Number(params.pageSize);
  if (!Number.isInteger(page) || page < 1 || page > 1_000_000)
    return apiError(400, 'BAD_REQUEST', `page 须为正整数：${JSON.stringify(params.page)}`);
  if (!Number.isInteger(size) || size < 1 || size > maxSize)
    return apiError(400, 'BAD_REQUEST', `pageSize 须为 1–${maxSize} 的整数：${JSON.stringify(params.pageSize)}`);
  return { limit: size, offset: (page - 1) * size, page };
}

/** WHERE conditions on `reports r` and their parameters, numbered from `first`. */
export function whereOf(filter: ReportFilter, values: unknown[]): string {
  const conditions: string[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(sql(`$${values.length}`));
  };
  if (filter.year !== undefined) add((n) => `r.year = ${n}`, filter.year);
  if (filter.division !== undefined) add((n) => `r.division LIKE ${n}`, `${filter.division}%`);
  if (filter.level !== undefined) add((n) => `r.level = ${n}`, filter.level);
  if (filter.edition !== undefined) add((n) => `r.edition = ${n}`, filter.edition);
  if (filter.q !== undefined) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Case matters only for letters that have it: a search without Latin letters (Chinese names,
    // digits) is a plain LIKE, which scans several times faster than ILIKE's per-row lowering.
    const op = /[A-Za-z]/.test(filter.q) ? 'ILIKE' : 'LIKE';
    add((n) => `(r.agency_name ${op} ${n} OR r.id ${op} ${n})`, like);
    // Two characters or more: the reports holding all of the text's character pairs, from the index
    // reports_search (migration 6), then the LIKE above on those only.
    if ([...filter.q].length >= 2) add((n) => `r.search @> portal_bigrams(${n})`, filter.q);
  }
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

export const REPORT_COLUMNS = `r.id, r.agency_name AS "agencyName", r.year, r.edition, r.division, r.level, r.revision,
  r.errors, r.warnings, r.flags, r.imported, r.updated_at::text AS "updatedAt"`;

export interface ReportSummary {
  id: string;
  agencyName: string;
  year: number;
  edition: string;
  division: string;
  level: string;
  revision: number;
  errors: number;
  warnings: number;
  flags: string[];
  imported: boolean;
  updatedAt: string;
}

export async function listReports(
  db: Queryable,
  filter: ReportFilter,
  page: { limit: number; offset: number; page: number },
  extra?: { review?: boolean; flag?: string },
): Promise<{ total: number; page: number; pageSize: number; items: ReportSummary[] }> {
  const values: unknown[] = [];
  let where = whereOf(filter, values);
  const more: string[] = [];
  if (extra?.review) more.push('(r.errors > 0 OR r.warnings > 0 OR cardinality(r.flags) > 0)');
  if (extra?.flag) {
    values.push(extra.flag);
    more.push(`$${values.length} = ANY(r.flags)`);
  }
  if (more.length > 0) where = where ? `${where} AND ${more.join(' AND ')}` : `WHERE ${more.join(' AND ')}`;
  // Filtered by year, division, level or edition only: the total is the roll-up's count of the groups
  // (a few hundred rows), not a count over every matching report, which grows with the reports.
  const total =
    filter.q === undefined && more.length === 0
      ? await db.query<{ n: number }>(`SELECT coalesce(sum(r.stored), 0)::int AS n FROM rollup r ${where}`, values)
      : await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports r ${where}`, values);
  values.push(page.limit, page.offset);
  // The page's ids first, from the index in list order (an index-only scan once vacuumed: a deep page
  // skips index entries, not table rows), then those 20 rows.
  const items = await db.query<ReportSummary>(
    `SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.id IN (
       SELECT r.id FROM reports r ${where}
       ORDER BY r.year DESC, r.division, r.agency_name, r.id LIMIT $${values.length - 1} OFFSET $${values.length})
     ORDER BY r.year DESC, r.division, r.agency_name, r.id`,
    values,
  );
  return { total: total[0]?.n ?? 0, page: page.page, pageSize: page.limit, items };
}

export const CELL_COLUMNS = [
  'report_id',
  'agency',
  'division',
  'year',
  'edition',
  'table',
  'row_id',
  'row_label',
  'column_id',
  'column_label',
  'value',
  'unit',
] as const;

export type TidyRow = Record<(typeof CELL_COLUMNS)[number], string | number | null>;

export async function listCells(
  db: Queryable,
  filter: ReportFilter,
  params: Params,
  page: { limit: number; offset: number },
): Promise<TidyRow[]> {
  const values: unknown[] = [];
  let where = whereOf(filter, values);
  if (params.report) {
    values.push(params.report);
    where = `${where ? `${where} AND` : 'WHERE'} r.id = $${values.length}`;
  }
  // A table / row / column names places (the same in every report of an edition): each report's
  // value there is one array element, read without unpacking its other cells.
  const placeFilter: string[] = [];
  for (const [column, value] of [
    ['tbl', params.table],
    ['row_id', params.row],
    ['column_id', params.column],
  ] as const)
    if (value) {
      values.push(value);
      placeFilter.push(`AND p.${column} = $${values.length}`);
    }
  values.push(page.limit, page.offset);
  // Reports in list order (the index reports_list), each report's cells at the places asked for,
  // stopping at the page's last row: a page reads its own reports' rows, not the year's. `OFFSET 0`
  // keeps the planner from flattening the per-report subquery into a join of every matching report,
  // sorted (measured at 10,000 reports: the first 1,000 cells of one place across a year read all
  // 1,750 reports of that year that way, and would read 40,000 at 200,000 reports). The places are
  // picked once (the CTE); their ids and labels are added here from placeInfos, not sent per row.
  const rows = await db.query<{
    report_id: string;
    agency: string;
    division: string;
    year: number;
    edition: string;
    idx: number;
    value: string | null;
    unit: string;
  }>(
    `WITH p AS MATERIALIZED (SELECT edition, idx FROM places p WHERE true ${placeFilter.join(' ')})
     SELECT r.id AS report_id, r.agency_name AS agency, r.division, r.year, r.edition, x.idx, x.value, x.unit
     FROM reports r CROSS JOIN LATERAL (
       SELECT p.idx, c.vals[p.idx]::text AS value, c.units[p.idx] AS unit
       FROM report_cells c JOIN p ON p.edition = c.edition AND c.units[p.idx] IS NOT NULL
       WHERE c.report_id = r.id AND c.revision = r.revision OFFSET 0) x
     ${where}
     ORDER BY r.year DESC, r.division, r.agency_name, r.id, x.idx LIMIT $${values.length - 1} OFFSET $${values.length}`,
    values,
  );
  const place = await placeInfos(db, rows);
  return rows.map((row) => {
    const at = place(row.edition, row.idx);
    return {
      report_id: row.report_id,
      agency: row.agency,
      division: row.division,
      year: row.year,
      edition: row.edition,
      table: at.table,
      row_id: at.rowId,
      row_label: at.rowLabel,
      column_id: at.columnId,
      column_label: at.columnLabel,
      value: row.value,
      unit: row.unit ?? '',
    };
  });
}

export interface AggregateRow {
  group: string;
  /** The group for people: a province's name for a division. */
  name: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
  reports: number;
}

const GROUPS = {
  year: () => 'r.year::text',
  level: () => 'r.level',
  division: (digits: number) => `rpad(left(r.division, ${digits}), 6, '0')`,
} as const;
const DEPTH: Record<string, number> = { province: 2, city: 4, county: 6 };

/** The sum of the figures a measure reads, null when the report states none of them. */
function figuresSql(refs: readonly CellRef[], values: unknown[]): string {
  const places = refs.map((ref) => {
    values.push(figureOf(ref));
    return `r.figures[$${values.length}::int]`;
  });
  const stated = places.map((place) => `${place} IS NOT NULL`).join(' OR ');
  return `CASE WHEN ${stated} THEN ${places.map((place) => `coalesce(${place}, 0)`).join(' + ')} END`;
}

type Sums = { grp: string; num: number; den: number; reports: number }[];

/**
 * From the roll-up (rollup.ts): a few hundred group rows, whatever the number of reports. `reports`
 * is the reports stating the measure's cell; for a measure summing several cells, those stating the
 * most stated of them (the same as "stating any of them" unless a report leaves one of them out).
 */
async function fromRollup(db: Queryable, filter: ReportFilter, measure: Measure, group: string): Promise<Sums> {
  const values: unknown[] = [];
  const where = whereOf(filter, values);
  const at = (refs: readonly CellRef[], column: 'sums' | 'stated') =>
    refs.map((ref) => {
      values.push(figureOf(ref));
      return `coalesce(r.${column}[$${values.length}::int], 0)`;
    });
  const numerator = at(measure.numerator, 'sums').join(' + ');
  const denominator = measure.denominator ? at(measure.denominator, 'sums').join(' + ') : '0';
  const stated = at(measure.numerator, 'stated');
  const reports = stated.length === 1 ? stated[0] : `greatest(${stated.join(', ')})`;
  return db.query(
    `SELECT ${group} AS grp, sum(${numerator})::float8 AS num, sum(${denominator})::float8 AS den,
       sum(${reports})::int AS reports
     FROM rollup r ${where} GROUP BY 1 HAVING sum(r.reports) > 0 ORDER BY 1`,
    values,
  );
}

/** One pass over the reports: for a name search (q), which the roll-up does not group by. */
async function fromReports(db: Queryable, filter: ReportFilter, measure: Measure, group: string): Promise<Sums> {
  const values: unknown[] = [];
  const where = whereOf(filter, values);
  const numerator = figuresSql(measure.numerator, values);
  const denominator = measure.denominator ? figuresSql(measure.denominator, values) : 'NULL::float8';
  // Reports with errors (imported ones) are left out: their sums are known to be wrong.
  return db.query(
    `SELECT grp, coalesce(sum(num), 0)::float8 AS num, coalesce(sum(den), 0)::float8 AS den, count(num)::int AS reports
     FROM (SELECT ${group} AS grp, ${numerator} AS num, ${denominator} AS den
           FROM reports r ${where ? `${where} AND` : 'WHERE'} r.errors = 0) AS per_report
     GROUP BY grp ORDER BY grp`,
    values,
  );
}

function figureOf(ref: CellRef): number {
  const position = figurePosition(`${ref.table}|${ref.rowId}|${ref.columnId}`);
  if (position === undefined)
    throw new Error(`measure reads ${ref.table}/${ref.rowId}/${ref.columnId}, not a kept figure`);
  return position;
}

export async function aggregate(
  db: Queryable,
  filter: ReportFilter,
  params: Params,
): Promise<{ measure: Measure; groupBy: string; rows: AggregateRow[] } | ApiError> {
  const measure = measureByKey(params.measure ?? '');
  if (!measure)
    return apiError(
      400,
      'BAD_REQUEST',
      `measure 须为 ${MEASURES.map((m) => m.key).join(', ')} 之一：${JSON.stringify(params.measure)}`,
    );
  const groupBy = params.groupBy ?? 'year';
  if (!Object.hasOwn(GROUPS, groupBy))
    return apiError(400, 'BAD_REQUEST', `groupBy 须为 division、level 或 year：${JSON.stringify(groupBy)}`);
  const depth = DEPTH[params.depth ?? 'province'];
  if (depth === undefined)
    return apiError(400, 'BAD_REQUEST', `depth 须为 province、city 或 county：${JSON.stringify(params.depth)}`);
  const group = GROUPS[groupBy as keyof typeof GROUPS](depth);
  const rows =
    filter.q === undefined
      ? await fromRollup(db, filter, measure, group)
      : await fromReports(db, filter, measure, group);
  return {
    measure,
    groupBy,
    rows: rows.map((row) => ({
      group: row.grp,
      name: groupBy === 'division' ? divisionName(row.grp) : row.grp,
      value: measure.denominator ? (row.den > 0 ? row.num / row.den : null) : row.num,
      numerator: row.num,
      denominator: measure.denominator ? row.den : null,
      reports: row.reports,
    })),
  };
}
