/**
 * The portal's HTTP API (hono). Writes need a Bearer token; reading is public. Every failure has
 * the one error shape of errors.ts.
 */
import { DEFAULT_LIMITS } from '@nianbao/source';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type Agency, addAgency, agencyByToken, listAgencies, logDenied, setAgencyRemoved } from './agencies.js';
import type { Database } from './db/database.js';
import { type ApiError, apiError, errorBody, isApiError } from './errors.js';
import { MEASURES } from './measures.js';
import { aggregate, listCells, listReports, readFilter, readPage } from './queries.js';
import { reportRoutes } from './report-routes.js';
import { pageRoutes } from './pages/routes.js';
import { submitWithToken, type ValidationByEdition } from './submit.js';
import { yearRoutes } from './year-routes.js';

export interface AppOptions {
  /** Largest accepted request body, in bytes (default: the source reader's limit, 20 MB). */
  maxBytes?: number;
  /** Local extensions (`--extension`): what they add to the validation of each edition. */
  validation?: ValidationByEdition;
}

export function sendError(c: Context, error: ApiError): Response {
  return c.json(errorBody(error), error.status);
}

function bearerToken(c: Context): string | ApiError {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : apiError(401, 'NO_TOKEN', '缺少令牌：Authorization: Bearer <令牌> (no token)');
}

async function authenticate(c: Context, db: Database): Promise<Agency | ApiError> {
  const token = bearerToken(c);
  if (isApiError(token)) return token;
  const agency = await agencyByToken(db, token);
  if (!agency) return apiError(401, 'BAD_TOKEN', '令牌无效 (unknown token)');
  if (agency.removed) {
    await logDenied(db, agency.id, c.req.path, 'removed agency');
    return apiError(403, 'AGENCY_REMOVED', '该机关已被移除，令牌已失效 (this agency was removed)');
  }
  return agency;
}

async function requireAdmin(c: Context, db: Database): Promise<Agency | ApiError> {
  const agency = await authenticate(c, db);
  if (isApiError(agency)) return agency;
  if (!agency.admin) {
    await logDenied(db, agency.id, c.req.path, 'admin only');
    return apiError(403, 'FORBIDDEN', '只有管理员令牌可以管理机关 (admin token needed)');
  }
  return agency;
}

export function createApp(db: Database, options: AppOptions = {}): Hono {
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const app = new Hono();
  app.onError((error, c) => {
    console.error(error);
    return sendError(c, apiError(500, 'INTERNAL', `内部错误 (internal error): ${error.message.split('\n')[0]}`));
  });
  app.notFound((c) => sendError(c, apiError(404, 'NOT_FOUND', `没有这个地址 (no such path): ${c.req.path}`)));
  const tooLarge = (c: Context) =>
    sendError(
      c,
      apiError(413, 'TOO_LARGE', `请求超过上限 ${maxBytes} 字节 (the body is larger than ${maxBytes} bytes)`),
    );

  app.post('/api/reports', bodyLimit({ maxSize: maxBytes, onError: tooLarge }), async (c) => {
    const token = bearerToken(c);
    if (isApiError(token)) return sendError(c, token);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const imported = c.req.query('imported') === 'true' || c.req.query('imported') === '1';
    // The token's agency is looked up with the previous year's report (one query less per submission).
    const stored = await submitWithToken(db, token, bytes, { imported, maxBytes, validation: options.validation });
    if (isApiError(stored)) return sendError(c, stored);
    const { status, ...body } = stored;
    return c.json(body, status);
  });

  app.get('/api/reports', async (c) => {
    const filter = readFilter(c.req.query());
    if (isApiError(filter)) return sendError(c, filter);
    const page = readPage(c.req.query());
    if (isApiError(page)) return sendError(c, page);
    return c.json(await listReports(db, filter, page));
  });
  app.get('/api/review', async (c) => {
    const filter = readFilter(c.req.query());
    if (isApiError(filter)) return sendError(c, filter);
    const page = readPage(c.req.query());
    if (isApiError(page)) return sendError(c, page);
    const flag = c.req.query('flag') || undefined;
    return c.json(await listReports(db, filter, page, flag ? { review: true, flag } : { review: true }));
  });
  app.get('/api/cells', async (c) => {
    const filter = readFilter(c.req.query());
    if (isApiError(filter)) return sendError(c, filter);
    const page = readPage({ pageSize: '1000', ...c.req.query() }, 10_000);
    if (isApiError(page)) return sendError(c, page);
    return c.json({ page: page.page, pageSize: page.limit, items: await listCells(db, filter, c.req.query(), page) });
  });
  app.get('/api/measures', (c) => c.json({ measures: MEASURES }));
  app.get('/api/aggregates', async (c) => {
    const filter = readFilter(c.req.query());
    if (isApiError(filter)) return sendError(c, filter);
    const result = await aggregate(db, filter, c.req.query());
    if (isApiError(result)) return sendError(c, result);
    return c.json({
      measure: result.measure.key,
      label: result.measure.label,
      groupBy: result.groupBy,
      rows: result.rows,
    });
  });
  agencyRoutes(app, db);
  reportRoutes(app, db, sendError);
  yearRoutes(app, db);
  pageRoutes(app, db);
  return app;
}

function agencyRoutes(app: Hono, db: Database): void {
  app.get('/api/agencies', async (c) => {
    const admin = await requireAdmin(c, db);
    if (isApiError(admin)) return sendError(c, admin);
    return c.json({ items: await listAgencies(db) });
  });
  app.post('/api/agencies', async (c) => {
    const admin = await requireAdmin(c, db);
    if (isApiError(admin)) return sendError(c, admin);
    let input: Record<string, unknown>;
    try {
      input = (await c.req.json()) as Record<string, unknown>;
    } catch (error) {
      return sendError(c, apiError(400, 'NOT_JSON', `不是 JSON (not JSON): ${(error as Error).message}`));
    }
    const text = (key: string) => (typeof input[key] === 'string' ? (input[key] as string) : undefined);
    const added = await addAgency(db, {
      name: text('name') ?? '',
      code: text('code') ?? '',
      ...(text('division') ? { division: text('division') } : {}),
      ...(text('level') ? { level: text('level') } : {}),
      admin: input.admin === true,
    });
    if (isApiError(added)) return sendError(c, added);
    return c.json({ agency: added.agency, token: added.token }, 201);
  });
  const setRemoved = (removed: boolean) => async (c: Context) => {
    const admin = await requireAdmin(c, db);
    if (isApiError(admin)) return sendError(c, admin);
    const agency = await setAgencyRemoved(db, c.req.param('code') ?? '', removed);
    if (!agency) return sendError(c, apiError(404, 'NOT_FOUND', `没有代码为 ${c.req.param('code')} 的机关`));
    return c.json({ agency });
  };
  app.delete('/api/agencies/:code', setRemoved(true));
  app.post('/api/agencies/:code/restore', setRemoved(false));
}
