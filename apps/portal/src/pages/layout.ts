/** The shell of every portal page: one column on a phone, a header with the three views. */
export const escapeHtml = (text: unknown) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a;background:#fafafa;line-height:1.6}
header{background:#8b1a1a;color:#fff;padding:.75rem 1rem}
header a{color:#fff}
header nav ul{list-style:none;margin:.25rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
header .site{font-size:1.15rem;font-weight:bold;margin:0}
main{max-width:72rem;margin:0 auto;padding:1rem}
a{color:#0b4f8a}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;margin:0 0 1rem}
form.filters label{display:flex;flex-direction:column;font-size:.9rem}
input,select,button{font:inherit;padding:.4rem .5rem;border:1px solid #767676;border-radius:4px;min-height:2.5rem}
button{background:#0b4f8a;color:#fff;border-color:#0b4f8a;cursor:pointer}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #ccc;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.pager{display:flex;gap:1rem;margin:1rem 0}
.tag{display:inline-block;border:1px solid #8b1a1a;color:#8b1a1a;border-radius:3px;padding:0 .3rem;margin:0 .2rem .2rem 0;font-size:.85rem}
.charts{display:grid;grid-template-columns:1fr;gap:1rem}
@media (min-width:56rem){.charts{grid-template-columns:1fr 1fr}}
.chart{height:22rem;background:#fff;border:1px solid #ddd}
figure{margin:0}
figcaption{font-weight:bold;margin:.25rem 0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

export function page(title: string, body: string, options: { scripts?: string[] } = {}): string {
  const scripts = (options.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}"></script>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · 政府信息公开工作年度报告</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="site">政府信息公开工作年度报告 开放数据</p>
<nav aria-label="主导航"><ul>
<li><a href="/">报告列表</a></li>
<li><a href="/dashboard">统计图表</a></li>
<li><a href="/review">待核查报告</a></li>
</ul></nav>
</header>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
${scripts}
</body>
</html>
`;
}

export const LEVEL_NAMES: Record<string, string> = {
  central: '中央',
  provincial: '省级',
  municipal: '市级',
  county: '县级',
  township: '乡镇',
};

export const FLAG_NAMES: Record<string, string> = {
  spam: '疑似无关内容',
  'text-vs-table': '正文与表格不符',
  'carry-over': '上年结转不衔接',
  'all-zero': '全部为零',
};
