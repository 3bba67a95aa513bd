/**
 * One report: its JSON (latest revision, or `?revision=N`), its history, and the same renderings as
 * `nianbao build`: `.html` (render-html), `.pdf` (render-pdf), `.csv` (open-data's tidy CSV).
 */
import type { Report } from '@nianbao/template';
import type { Context, Hono } from 'hono';
import type { Queryable } from './db/database.js';
import { type ApiError, apiError } from './errors.js';
import { REPORT_COLUMNS, type ReportSummary } from './queries.js';

export interface StoredReport {
  summary: ReportSummary;
  revision: number;
  document: Report;
  findings: unknown[];
  imported: boolean;
  createdAt: string;
}

export async function readReport(db: Queryable, id: string, revision?: number): Promise<StoredReport | undefined> {
  const summary = (await db.query<ReportSummary>(`SELECT ${REPORT_COLUMNS} FROM reports r WHERE r.id = $1`, [id]))[0];
  if (!summary) return undefined;
  const row = (
    await db.query<{ revision: number; document: Report; findings: unknown[]; imported: boolean; created_at: string }>(
      'SELECT revision, document, findings, imported, created_at::text FROM revisions WHERE report_id = $1 AND revision = $2',
      [id, revision ?? summary.revision],
    )
  )[0];
  if (!row) return undefined;
  return {
    summary,
    revision: row.revision,
    document: row.document,
    findings: row.findings,
    imported: row.imported,
    createdAt: row.created_at,
  };
}

const SUFFIX = /\.(json|html|pdf|csv)$/;

type SendError = (c: Context, error: ApiError) => Response;

async function render(format: string, stored: StoredReport): Promise<{ body: string | Uint8Array; type: string }> {
  if (format === 'html') {
    const { renderHtmlPage } = await import('@nianbao/render-html');
    return { body: renderHtmlPage(stored.document), type: 'text/html; charset=utf-8' };
  }
  if (format === 'pdf') {
    const { renderPdf } = await import('@nianbao/render-pdf');
    return { body: await renderPdf(stored.document), type: 'application/pdf' };
  }
  const { tidyCsv } = await import('@nianbao/open-data');
  return { body: tidyCsv(stored.document), type: 'text/csv; charset=utf-8' };
}

export function reportRoutes(app: Hono, db: Queryable, sendError: SendError): void {
  app.get('/api/reports/:id/revisions', async (c) => {
    const id = c.req.param('id');
    const rows = await db.query<{ revision: number; contentHash: string; imported: boolean; createdAt: string }>(
      `SELECT revision, content_hash AS "contentHash", imported, created_at::text AS "createdAt"
       FROM revisions WHERE report_id = $1 ORDER BY revision`,
      [id],
    );
    if (rows.length === 0) return sendError(c, apiError(404, 'NOT_FOUND', `没有报告 ${id} (no such report)`));
    return c.json({ id, revisions: rows });
  });
  app.get('/api/reports/:file', async (c) => {
    const file = c.req.param('file');
    const format = SUFFIX.exec(file)?.[1] ?? 'json';
    const id = SUFFIX.test(file) ? file.replace(SUFFIX, '') : file;
    const wanted = c.req.query('revision');
    if (wanted !== undefined && !/^[1-9]\d{0,8}$/.test(wanted))
      return sendError(c, apiError(400, 'BAD_REQUEST', `revision 须为正整数：${JSON.stringify(wanted)}`));
    const stored = await readReport(db, id, wanted === undefined ? undefined : Number(wanted));
    if (!stored)
      return sendError(
        c,
        apiError(404, 'NOT_FOUND', `没有报告 ${id}${wanted ? ` 的第 ${wanted} 版` : ''} (no such report)`),
      );
    if (format === 'json')
      return c.json({
        ...stored.summary,
        revision: stored.revision,
        latestRevision: stored.summary.revision,
        createdAt: stored.createdAt,
        document: stored.document,
        findings: stored.findings,
      });
    try {
      const { body, type } = await render(format, stored);
      c.header('content-type', type);
      return c.body(typeof body === 'string' ? body : new Uint8Array(body));
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      return sendError(c, apiError(422, 'CANNOT_RENDER', `这份报告（导入的，有错误）无法生成 ${format}：${reason}`));
    }
  });
}
