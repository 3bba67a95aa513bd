/** The pages: list, each report (the HTML renderer's page), dashboard, review; and their assets. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import type { Queryable } from '../db/database.js';
import { isApiError } from '../errors.js';
import { listReports, readFilter, readPage } from '../queries.js';
import { readReport } from '../report-routes.js';
import { DASHBOARD_SCRIPT, dashboardPage } from './dashboard.js';
import { escapeHtml, page } from './layout.js';
import { listBody } from './list.js';

let echartsSource: string | undefined;
/** ECharts' own minified build, from the installed package (read once). */
function echartsScript(): string {
  echartsSource ??= readFileSync(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8');
  return echartsSource;
}

export function pageRoutes(app: Hono, db: Queryable): void {
  const listPage = (review: boolean) => async (c: import('hono').Context) => {
    const params = c.req.query();
    const filter = readFilter(params);
    const paging = readPage(params);
    const title = review ? '待核查报告' : '报告列表';
    if (isApiError(filter) || isApiError(paging)) {
      const message = isApiError(filter) ? filter.message : isApiError(paging) ? paging.message : '';
      return c.html(page(title, `<p role="alert">${escapeHtml(message)}</p><p><a href="/">返回</a></p>`), 400);
    }
    const flag = review && params.flag ? { review, flag: params.flag } : { review };
    const result = await listReports(db, filter, paging, flag);
    const intro = review
      ? '<p>有错误或警告的报告（疑似无关内容、正文与表格不符、上年结转不衔接、全部为零），供政务公开办核查。</p>'
      : '';
    return c.html(
      page(title, intro + listBody({ action: review ? '/review' : '/', params, ...result, flags: review })),
    );
  };
  app.get('/', listPage(false));
  app.get('/review', listPage(true));
  app.get('/reports/:id', async (c) => {
    const stored = await readReport(db, c.req.param('id'));
    if (!stored) return c.html(page('没有这份报告', '<p><a href="/">返回报告列表</a></p>'), 404);
    const { renderHtmlPage } = await import('@nianbao/render-html');
    return c.html(renderHtmlPage(stored.document));
  });
  app.get('/dashboard', async (c) => {
    const years = await db.query<{ year: number }>('SELECT DISTINCT year FROM reports ORDER BY year');
    return c.html(dashboardPage(years.map((row) => row.year)));
  });
  app.get('/assets/echarts.min.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(echartsScript());
  });
  app.get('/assets/dashboard.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    return c.body(DASHBOARD_SCRIPT);
  });
}
