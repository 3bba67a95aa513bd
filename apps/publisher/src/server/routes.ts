/** The JSON API. Every failure is `{ error: { reason } }` with the CLI's one-line wording. */
import type { Context, Hono } from 'hono';
import { editionForYear, isEdition } from '@nianbao/template';
import type { ExtensionsByEdition } from '../shared/extensions.js';
import { blankReport, reportFromLastYear } from '../shared/skeleton.js';
import { jsonError, langOf, sizeLimit } from './guard.js';
import { importPage } from './import-page.js';
import { outputFolder, resolveReportName } from './paths.js';
import { previewHtml, previewPdf, publishReport } from './publish.js';
import { exists, listReports, readReport, saveReport } from './store.js';

export interface RouteOptions {
  root: string;
  /** Local extensions by edition (`serve --extension`), applied to every check, preview and publication. */
  extensions?: ExtensionsByEdition;
  /** The PDF font file per role (`serve --fonts`, nianbao.config.json), for every PDF. */
  fonts?: import('@nianbao/outputs').RenderOptions['fonts'];
}

async function bodyOf(c: Context): Promise<Record<string, unknown> | undefined> {
  try {
    const body = await c.req.json();
    return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const badBody = (c: Context) =>
  jsonError(c, 400, { zh: '请求内容不是有效的 JSON 对象。', en: 'The request body is not a JSON object.' });

async function newReport(c: Context, root: string, extensions: ExtensionsByEdition) {
  const lang = langOf(c);
  const body = await bodyOf(c);
  if (!body) return badBody(c);
  const target = await resolveReportName(root, body.file);
  if (!target.ok) return jsonError(c, 400, target.reason);
  const year = Number(body.year);
  const edition = body.edition ?? (Number.isInteger(year) ? editionForYear(year) : undefined);
  if (!Number.isInteger(year) || year < 2008 || year > 2100 || !isEdition(edition))
    return jsonError(c, 400, { zh: '年度或格式版本无效。', en: 'The year or the edition is not valid.' });
  if (await exists(target.path))
    return jsonError(c, 409, {
      zh: `${target.name}：文件已存在，不会覆盖。`,
      en: `${target.name}: the file exists; it is not overwritten.`,
    });
  let document: unknown = blankReport(edition, year, extensions[edition]?.schema);
  let notCarried: unknown[] = [];
  if (body.document !== null && typeof body.document === 'object') {
    // A draft made by the importer (a dropped page): saved as it is, checked in the editor.
    document = body.document;
  } else if (body.from !== undefined) {
    const from = await resolveReportName(root, body.from);
    if (!from.ok) return jsonError(c, 400, from.reason);
    const last = await readReport(from.path, from.name, lang);
    if (!last.ok) return jsonError(c, last.status, last.reason);
    try {
      ({ document, notCarried } = await fromLastYear(last.document, edition, year, extensions));
    } catch (error) {
      // @nianbao/migrate refuses what is not a report of a known edition.
      return jsonError(c, 422, `${from.name}: ${(error as Error).message}`);
    }
  }
  const saved = await saveReport(target.path, target.name, document, null, lang);
  if (!saved.ok) return jsonError(c, saved.status, saved.reason);
  return c.json({
    file: target.name,
    document,
    version: saved.version,
    ...(body.from !== undefined && body.document === undefined ? { notCarried } : {}),
  });
}

/**
 * Last year's report as the start of this year's. A 2019-edition report becomes a 2021 one through
 * @nianbao/migrate (the mapping lives there; what it cannot carry is listed), then what has its place
 * in this edition is carried.
 */
async function fromLastYear(last: unknown, edition: '2019' | '2021', year: number, extensions: ExtensionsByEdition) {
  const lastEdition = (last as { edition?: unknown }).edition;
  let source = last;
  const notCarried: { pointer: string; label: string; reason: string }[] = [];
  if (lastEdition !== edition && edition === '2021') {
    const { migrateReport } = await import('@nianbao/migrate');
    const migrated = migrateReport(last, { to: '2021' });
    source = migrated.document;
    notCarried.push(...migrated.notCarried, ...migrated.dropped);
  }
  const made = reportFromLastYear(source, edition, year, extensions[edition]?.schema);
  return { document: made.document, notCarried: [...notCarried, ...made.notCarried] };
}

export function registerRoutes(app: Hono, { root, extensions = {}, fonts = {} }: RouteOptions): void {
  app.get('/api/reports', async (c) => c.json({ reports: await listReports(root, langOf(c), extensions) }));
  // The client checks and lays out with the same extensions (loaded once at start, so never stale).
  app.get('/api/extensions', (c) => c.json({ extensions }));

  app.get('/api/report', async (c) => {
    const target = await resolveReportName(root, c.req.query('file'));
    if (!target.ok) return jsonError(c, 400, target.reason);
    const read = await readReport(target.path, target.name, langOf(c));
    if (!read.ok) return jsonError(c, read.status, read.reason);
    return c.json({ file: target.name, document: read.document, version: read.version, format: read.format });
  });

  // The editor asks now and then: a file changed on disk while open is shown, not overwritten.
  app.get('/api/version', async (c) => {
    const target = await resolveReportName(root, c.req.query('file'));
    if (!target.ok) return jsonError(c, 400, target.reason);
    const read = await readReport(target.path, target.name, langOf(c));
    return c.json({ version: read.ok ? read.version : null });
  });

  app.put('/api/report', sizeLimit(), async (c) => {
    const body = await bodyOf(c);
    if (!body || !('document' in body)) return badBody(c);
    const target = await resolveReportName(root, body.file);
    if (!target.ok) return jsonError(c, 400, target.reason);
    const version = typeof body.version === 'string' ? body.version : null;
    const saved = await saveReport(target.path, target.name, body.document, version, langOf(c));
    if (!saved.ok)
      return jsonError(c, saved.status, saved.reason, 'current' in saved ? { current: saved.current } : {});
    return c.json({ file: target.name, version: saved.version });
  });

  app.post('/api/new', sizeLimit(), (c) => newReport(c, root, extensions));

  app.post('/api/publish', sizeLimit(), async (c) => {
    const body = await bodyOf(c);
    if (!body) return badBody(c);
    const target = await resolveReportName(root, body.file);
    if (!target.ok) return jsonError(c, 400, target.reason);
    const result = await publishReport(
      target.path,
      target.name,
      outputFolder(root, target.name),
      langOf(c),
      extensions,
      fonts,
    );
    if (!result.ok)
      return jsonError(c, result.status, result.reason, 'findings' in result ? { findings: result.findings } : {});
    return c.json({ folder: result.folder, files: result.files, warnings: result.warnings });
  });

  app.post('/api/preview.pdf', sizeLimit(), async (c) => {
    const body = await bodyOf(c);
    if (!body) return badBody(c);
    const result = await previewPdf(body.document, langOf(c), extensions, fonts);
    if (!result.ok) return jsonError(c, 422, result.reason);
    return c.body(result.pdf as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/pdf' });
  });

  app.post('/api/preview.html', sizeLimit(), async (c) => {
    const body = await bodyOf(c);
    if (!body) return badBody(c);
    const result = await previewHtml(body.document, langOf(c), extensions);
    if (!result.ok) return jsonError(c, 422, result.reason);
    return c.html(result.html);
  });

  app.post('/api/import', sizeLimit(), async (c) => {
    const name = decodeURIComponent(c.req.header('x-file-name') ?? 'page.html');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const result = await importPage(bytes, name, langOf(c));
    if (!result.ok) return jsonError(c, 422, result.reason);
    return c.json(result);
  });
}
