/** The list page (search and filters) and the supervising office's review list share one table. */
import type { ReportSummary } from '../queries.js';
import { escapeHtml, FLAG_NAMES, LEVEL_NAMES } from './layout.js';

export interface ListView {
  action: string;
  params: Record<string, string | undefined>;
  total: number;
  page: number;
  pageSize: number;
  items: ReportSummary[];
  /** Review list: a select of the flags. */
  flags?: boolean;
}

function select(name: string, label: string, options: Record<string, string>, current: string | undefined): string {
  const items = Object.entries({ '': '全部', ...options })
    .map(
      ([value, text]) =>
        `<option value="${escapeHtml(value)}"${value === (current ?? '') ? ' selected' : ''}>${escapeHtml(text)}</option>`,
    )
    .join('');
  return `<label>${escapeHtml(label)}<select name="${name}">${items}</select></label>`;
}

function filters(view: ListView): string {
  const p = view.params;
  const input = (name: string, label: string, extra = '') =>
    `<label>${label}<input name="${name}" value="${escapeHtml(p[name] ?? '')}"${extra}></label>`;
  return `<form class="filters" method="get" action="${view.action}" role="search">
${input('q', '机关名称或编号', ' type="search"')}
${input('year', '年度', ' inputmode="numeric" pattern="\\d{4}" size="6"')}
${input('division', '行政区划代码', ' inputmode="numeric" size="8"')}
${select('level', '层级', LEVEL_NAMES, p.level)}
${view.flags ? select('flag', '问题类型', FLAG_NAMES, p.flag) : ''}
<button type="submit">查询</button>
</form>`;
}

function row(item: ReportSummary, review: boolean): string {
  const flags = item.flags.map((flag) => `<span class="tag">${escapeHtml(FLAG_NAMES[flag] ?? flag)}</span>`).join('');
  const id = encodeURIComponent(item.id);
  return `<tr><td><a href="/reports/${id}">${escapeHtml(item.agencyName)}</a></td>
<td class="num">${item.year}</td><td>${escapeHtml(item.division)}</td><td>${escapeHtml(LEVEL_NAMES[item.level] ?? item.level)}</td>
<td>${item.edition === '2019' ? '2019 版' : '2021 版'}</td>
${review ? `<td class="num">${item.errors}</td><td class="num">${item.warnings}</td><td>${flags}${item.imported ? '<span class="tag">导入</span>' : ''}</td>` : ''}
<td><a href="/api/reports/${id}.json">JSON</a> · <a href="/api/reports/${id}.csv">CSV</a> · <a href="/api/reports/${id}.pdf">PDF</a></td></tr>`;
}

function pager(view: ListView): string {
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const link = (page: number, text: string) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(view.params)) if (value && key !== 'page') query.set(key, value);
    query.set('page', String(page));
    return `<a href="${view.action}?${escapeHtml(query.toString())}">${text}</a>`;
  };
  return `<nav class="pager" aria-label="分页">${view.page > 1 ? link(view.page - 1, '上一页') : ''}<span>第 ${view.page} / ${pages} 页，共 ${view.total} 份</span>${view.page < pages ? link(view.page + 1, '下一页') : ''}</nav>`;
}

export function listBody(view: ListView): string {
  const review = view.flags === true;
  const head = `<tr><th scope="col">机关</th><th scope="col">年度</th><th scope="col">行政区划</th><th scope="col">层级</th><th scope="col">格式</th>${
    review ? '<th scope="col">错误</th><th scope="col">警告</th><th scope="col">问题</th>' : ''
  }<th scope="col">下载</th></tr>`;
  const rows = view.items.map((item) => row(item, review)).join('\n');
  const table =
    view.items.length === 0
      ? '<p>没有符合条件的报告。</p>'
      : `<div class="table-wrap"><table><caption class="visually-hidden">报告列表</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
  return `${filters(view)}${table}${pager(view)}`;
}
