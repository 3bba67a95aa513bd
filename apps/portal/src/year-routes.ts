/**
 * A year's reports as one Frictionless data package: `datapackage.json` describing two CSV
 * resources served next to it, the reports of the year and every cell of their latest revisions
 * (the build's CSV columns plus agency, division, year and edition). The cells are streamed, a few
 * hundred reports at a time, so a year of a whole province never sits in memory.
 */
import type { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { Queryable } from './db/database.js';
import { apiError, errorBody } from './errors.js';
import { CELL_COLUMNS, listCells, type TidyRow } from './queries.js';

const REPORT_FIELDS = [
  'id',
  'agency',
  'division',
  'level',
  'year',
  'edition',
  'revision',
  'errors',
  'warnings',
  'imported',
];

function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const csvLine = (values: readonly unknown[]) => `${values.map(csvField).join(',')}\r\n`;

export function dataPackage(year: number): Record<string, unknown> {
  const field = (name: string, type = 'string') => ({ name, type });
  return {
    profile: 'data-package',
    name: `nianbao-portal-${year}`,
    title: `${year}年度政府信息公开工作年度报告（全部机关）`,
    resources: [
      {
        name: 'reports',
        path: 'reports.csv',
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: REPORT_FIELDS.map((name) =>
            field(
              name,
              ['year', 'revision', 'errors', 'warnings'].includes(name)
                ? 'integer'
                : name === 'imported'
                  ? 'boolean'
                  : 'string',
            ),
          ),
          primaryKey: 'id',
        },
      },
      {
        name: 'cells',
        path: 'cells.csv',
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: CELL_COLUMNS.map((name) =>
            field(name, name === 'year' ? 'integer' : name === 'value' ? 'number' : 'string'),
          ),
          foreignKeys: [{ fields: 'report_id', reference: { resource: 'reports', fields: 'id' } }],
        },
      },
    ],
  };
}

export function yearRoutes(app: Hono, db: Queryable): void {
  const yearOf = (text: string | undefined) => (text && /^\d{4}$/.test(text) ? Number(text) : undefined);
  const badYear = (text: string | undefined) =>
    errorBody(apiError(400, 'BAD_REQUEST', `年份须为四位数字：${JSON.stringify(text)}`));
  app.get('/api/years/:year/datapackage.json', (c) => {
    const year = yearOf(c.req.param('year'));
    return year === undefined ? c.json(badYear(c.req.param('year')), 400) : c.json(dataPackage(year));
  });
  app.get('/api/years/:year/reports.csv', async (c) => {
    const year = yearOf(c.req.param('year'));
    if (year === undefined) return c.json(badYear(c.req.param('year')), 400);
    const rows = await db.query<Record<string, unknown>>(
      `SELECT id, agency_name AS agency, division, level, year, edition, revision, errors, warnings, imported
       FROM reports WHERE year = $1 ORDER BY id`,
      [year],
    );
    c.header('content-type', 'text/csv; charset=utf-8');
    return c.body(
      `\uFEFF${csvLine(REPORT_FIELDS)}${rows.map((row) => csvLine(REPORT_FIELDS.map((key) => (key === 'agency' ? row.agency : row[key])))).join('')}`,
    );
  });
  app.get('/api/years/:year/cells.csv', (c) => {
    const year = yearOf(c.req.param('year'));
    if (year === undefined) return c.json(badYear(c.req.param('year')), 400);
    c.header('content-type', 'text/csv; charset=utf-8');
    return stream(c, async (out) => {
      await out.write(`\uFEFF${csvLine(CELL_COLUMNS)}`);
      let after = '';
      for (;;) {
        const ids = await db.query<{ id: string }>(
          'SELECT id FROM reports WHERE year = $1 AND id > $2 ORDER BY id LIMIT 200',
          [year, after],
        );
        if (ids.length === 0) break;
        for (const { id } of ids) {
          const cells: TidyRow[] = await listCells(db, { year }, { report: id }, { limit: 10_000, offset: 0 });
          await out.write(cells.map((row) => csvLine(CELL_COLUMNS.map((key) => row[key]))).join(''));
        }
        after = ids[ids.length - 1]!.id;
      }
    });
  });
}
