/**
 * The dashboard: a measure by year and by region, drawn with Apache ECharts (served from the
 * portal's own copy of the package, no CDN) and repeated as tables for screen readers and for
 * copying figures.
 */
import { MEASURES } from '../measures.js';
import { escapeHtml, page } from './layout.js';

export function dashboardPage(years: number[]): string {
  const options = MEASURES.map((m) => `<option value="${m.key}">${escapeHtml(m.label.zh)}</option>`).join('');
  const yearOptions = [
    '<option value="">全部年度</option>',
    ...years.map((y) => `<option value="${y}">${y}</option>`),
  ].join('');
  const body = `<form class="filters" id="controls">
<label>指标<select id="measure" name="measure">${options}</select></label>
<label>地区层级<select id="depth" name="depth"><option value="province">省</option><option value="city">市</option><option value="county">县</option></select></label>
<label>按地区的年度<select id="year" name="year">${yearOptions}</select></label>
</form>
<div class="charts">
<figure><figcaption id="by-year-title">按年度</figcaption><div class="chart" id="by-year" role="img" aria-labelledby="by-year-title"></div></figure>
<figure><figcaption id="by-region-title">按地区</figcaption><div class="chart" id="by-region" role="img" aria-labelledby="by-region-title"></div></figure>
</div>
<h2>数据</h2>
<div class="table-wrap" id="tables" aria-live="polite"></div>
<p>各项指标只统计没有错误的报告；2019 版与 2021 版格式中相同的行列合并计算。数据接口：<a href="/api/measures">/api/measures</a>、<code>/api/aggregates?measure=…&amp;groupBy=year|division|level</code>。</p>`;
  return page('统计图表', body, { scripts: ['/assets/echarts.min.js', '/assets/dashboard.js'] });
}

/** Runs in the browser (plain ES2017, no build step). */
export const DASHBOARD_SCRIPT = `(function () {
  'use strict';
  var byYear = echarts.init(document.getElementById('by-year'), null, { renderer: 'svg' });
  var byRegion = echarts.init(document.getElementById('by-region'), null, { renderer: 'svg' });
  window.addEventListener('resize', function () { byYear.resize(); byRegion.resize(); });
  function $(id) { return document.getElementById(id); }
  function fetchJson(url) { return fetch(url).then(function (r) { return r.json(); }); }
  function format(value, rate) {
    if (value === null) return '—';
    return rate ? (value * 100).toFixed(1) + '%' : String(Math.round(value * 100) / 100);
  }
  function escape(text) { var d = document.createElement('div'); d.textContent = String(text); return d.innerHTML; }
  function table(caption, data, rate) {
    var rows = data.rows.map(function (row) {
      return '<tr><th scope="row">' + escape(row.name) + '</th><td class="num">' + format(row.value, rate) +
        '</td><td class="num">' + row.reports + '</td></tr>';
    }).join('');
    return '<table><caption>' + escape(caption) + '</caption><thead><tr><th scope="col">分组</th><th scope="col">数值</th>' +
      '<th scope="col">报告数</th></tr></thead><tbody>' + rows + '</tbody></table>';
  }
  function chart(target, data, rate, kind) {
    target.setOption({
      aria: { enabled: true },
      grid: { left: 56, right: 16, top: 24, bottom: 48 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: data.rows.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: function (v) { return rate ? Math.round(v * 100) + '%' : v; } } },
      series: [{ type: kind, name: data.label.zh, data: data.rows.map(function (r) { return r.value; }), itemStyle: { color: '#8b1a1a' } }]
    }, true);
  }
  function refresh() {
    var measure = $('measure').value, depth = $('depth').value, year = $('year').value;
    var rate = /Rate$|Share$/.test(measure);
    var base = '/api/aggregates?measure=' + encodeURIComponent(measure);
    Promise.all([
      fetchJson(base + '&groupBy=year'),
      fetchJson(base + '&groupBy=division&depth=' + encodeURIComponent(depth) + (year ? '&year=' + encodeURIComponent(year) : ''))
    ]).then(function (results) {
      chart(byYear, results[0], rate, 'line');
      chart(byRegion, results[1], rate, 'bar');
      $('by-year-title').textContent = results[0].label.zh + '（按年度）';
      $('by-region-title').textContent = results[1].label.zh + '（按地区' + (year ? '，' + year + '年' : '') + '）';
      $('tables').innerHTML = table(results[0].label.zh + '（按年度）', results[0], rate) +
        table(results[1].label.zh + '（按地区）', results[1], rate);
      document.body.setAttribute('data-ready', 'true');
    });
  }
  ['measure', 'depth', 'year'].forEach(function (id) { $(id).addEventListener('change', refresh); });
  refresh();
})();
`;
