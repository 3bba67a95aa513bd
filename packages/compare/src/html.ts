/** The comparison as a standalone HTML page, in the report's own stylesheet (@nianbao/render-html). */
import Handlebars from 'handlebars';
import { REPORT_CLASS, reportStylesheet } from '@nianbao/render-html';
import { changeText, FLAG_TEXT, headline, percentChangeText, percentText, placeText, STATUS_TEXT } from './present.js';
import type { Comparison } from './types.js';

const COMPARE_CSS = `
.nianbao-report.nb-compare{max-width:64rem}
.nianbao-report .nb-compare-summary p{text-indent:0;margin:.2rem 0}
.nianbao-report .nb-compare-cells td.nb-label,.nianbao-report .nb-compare-cells th.nb-label{text-align:left;white-space:normal}
.nianbao-report .nb-compare-cells td.nb-num{text-align:right}
.nianbao-report tr.nb-flag td{background:#fdecea;font-weight:bold}
.nianbao-report tr.nb-mismatch td{background:#fdecea}
.nianbao-report .nb-para{border-left:.3rem solid #ccc;padding-left:.5rem;margin:.4rem 0}
.nianbao-report .nb-para-identical{border-color:#c0392b;background:#fdecea}
.nianbao-report .nb-para-numbersChanged{border-color:#e67e22;background:#fef5e7}
.nianbao-report .nb-para-similar{border-color:#f1c40f}
.nianbao-report .nb-para-new{border-color:#27ae60}
.nianbao-report .nb-para-status{font-size:.85rem;text-indent:0;color:#555}
.nianbao-report .nb-removed{color:#777;text-decoration:line-through}
`
  .trim()
  .replace(/\n/g, '');

const TEMPLATE = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>{{{css}}}</style>
</head>
<body>
<article class="{{reportClass}} nb-compare" lang="zh-CN">
<h1 class="nb-title">{{title}}</h1>
<section class="nb-compare-summary" aria-labelledby="nb-c-summary"><h2 class="nb-section-heading" id="nb-c-summary">一、概况</h2>
{{#each headline}}<p>{{this}}</p>
{{/each}}{{#each errorNotes}}<p class="nb-note">{{this}}</p>
{{/each}}</section>
<section aria-labelledby="nb-c-carry"><h2 class="nb-section-heading" id="nb-c-carry">二、上年结转核对</h2>
<div class="nb-table-wrap"><table class="nb-compare-carry"><thead><tr><th scope="col" class="nb-label">栏目</th><th scope="col">本年上年结转</th><th scope="col">上年结转下年度继续办理</th><th scope="col">结果</th></tr></thead><tbody>
{{#each carryOver}}<tr{{#if mismatch}} class="nb-mismatch"{{/if}}><th scope="row" class="nb-label">{{column}}</th><td>{{carried}}</td><td>{{forward}}</td><td>{{verdict}}</td></tr>
{{/each}}</tbody></table></div></section>
<section aria-labelledby="nb-c-cells"><h2 class="nb-section-heading" id="nb-c-cells">三、统计数据逐项对比（按变化大小排列）</h2>
<div class="nb-table-wrap"><table class="nb-compare-cells"><thead><tr><th scope="col" class="nb-label">项目</th><th scope="col">{{lastYear}}</th><th scope="col">{{currentYear}}</th><th scope="col">变化</th><th scope="col">变化率</th><th scope="col">提示</th></tr></thead><tbody>
{{#each cells}}<tr{{#if flag}} class="nb-flag"{{/if}} data-pointer="{{pointer}}"><th scope="row" class="nb-label">{{place}}</th><td class="nb-num">{{last}}</td><td class="nb-num">{{current}}</td><td class="nb-num">{{change}}</td><td class="nb-num">{{percent}}</td><td>{{flag}}</td></tr>
{{/each}}</tbody></table></div></section>
<section aria-labelledby="nb-c-text"><h2 class="nb-section-heading" id="nb-c-text">四、正文逐段对比</h2>
{{#each sections}}<h3 class="nb-topic-heading">{{heading}}（与上年相同 {{identical}}，仅数字不同 {{numbersOnly}}）</h3>
{{#each paragraphs}}<div class="nb-para nb-para-{{status}}"><p class="nb-para-status">{{statusText}}</p><p>{{text}}</p></div>
{{/each}}{{#each removed}}<p class="nb-removed">上年有、本年删去：{{this}}</p>
{{/each}}{{/each}}</section>
</article>
</body>
</html>
`;

const handlebars = Handlebars.create();
const render = handlebars.compile(TEMPLATE, { strict: true, knownHelpersOnly: true, preventIndent: true });

export function comparisonTitle(comparison: Comparison): string {
  const { last, current } = comparison;
  return `${current.agencyName}政府信息公开工作年度报告对比（${last.reportYear ?? '上年'}年—${current.reportYear ?? '本年'}年）`;
}

/** A standalone page (`<!DOCTYPE html>`, `lang="zh-CN"`) of the comparison. All text is escaped. */
export function renderComparisonHtml(comparison: Comparison): string {
  const verdict = (matches: boolean | null) => (matches === null ? '无法核对（未填报）' : matches ? '一致' : '不一致');
  return render({
    title: comparisonTitle(comparison),
    css: `${reportStylesheet}${COMPARE_CSS}`,
    reportClass: REPORT_CLASS,
    headline: headline(comparison),
    errorNotes: [
      ...comparison.last.errorExamples.map((m) => `上年报告：${m.zh}`),
      ...comparison.current.errorExamples.map((m) => `本年报告：${m.zh}`),
    ],
    carryOver: comparison.carryOver.map((check) => ({
      column: check.column,
      carried: check.carriedOver ?? '—',
      forward: check.lastCarriedForward ?? '—',
      verdict: verdict(check.matches),
      mismatch: check.matches === false,
    })),
    lastYear: `${comparison.last.reportYear ?? '上'}年`,
    currentYear: `${comparison.current.reportYear ?? '本'}年`,
    cells: comparison.cells.map((cell) => ({
      pointer: cell.pointer,
      place: placeText(cell),
      last: cell.lastDisplay,
      current: cell.currentDisplay,
      change: changeText(cell),
      percent: percentChangeText(cell),
      flag: cell.flag ? FLAG_TEXT[cell.flag] : '',
    })),
    sections: comparison.sections
      .filter((section) => section.paragraphs.length > 0 || section.removed.length > 0)
      .map((section) => ({
        heading: section.heading,
        identical: percentText(section.identicalShare),
        numbersOnly: percentText(section.numbersOnlyShare),
        paragraphs: section.paragraphs.map((p) => ({
          status: p.status,
          statusText:
            p.status === 'similar'
              ? `${STATUS_TEXT.similar}（相似度 ${percentText(p.similarity)}）`
              : STATUS_TEXT[p.status],
          text: p.text,
        })),
        removed: section.removed.map((r) => r.text),
      })),
  });
}
