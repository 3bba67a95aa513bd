import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '@nianbao/template';
import { NOT_REPORTED_NOTE, renderHtmlFragment, renderHtmlPage, reportStylesheet } from '../src/index.js';
import { clone, examples, golden } from './examples.js';
import { hostile } from './payloads.js';

const byEdition = (edition: string) => examples.find((e) => e.report.edition === edition)!.report;

describe.each(examples)('$name', ({ name, report }) => {
  it('matches the golden page and fragment exactly', () => {
    const page = renderHtmlPage(report);
    expect(page).toBe(golden(`${name}.page.html`, page));
    const fragment = renderHtmlFragment(report);
    expect(fragment).toBe(golden(`${name}.fragment.html`, fragment));
  });

  it('is a zh-CN page with one h1, six section headings, three captioned tables', () => {
    const page = renderHtmlPage(report);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page.match(/<h2[ >]/g)).toHaveLength(6);
    expect(page.match(/<caption /g)).toHaveLength(3);
    expect(page.match(/<table /g)).toHaveLength(3);
    expect(page).toMatch(/<title>[^<]+2\d{3}年政府信息公开工作年度报告<\/title>/);
  });

  it('gives every data cell headers that exist, and no id twice', () => {
    const page = renderHtmlPage(report);
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(ids);
    const tds = [...page.matchAll(/<td([^>]*)>/g)].map((m) => m[1]!);
    expect(tds.length).toBeGreaterThan(190);
    for (const attributes of tds) {
      const headers = /headers="([^"]+)"/.exec(attributes);
      expect(headers).not.toBeNull();
      for (const id of headers![1]!.split(' ')) expect(known.has(id)).toBe(true);
    }
  });

  it('renders the same bytes twice, whatever the clock says', () => {
    const first = renderHtmlPage(report);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-04T12:00:00Z'));
    try {
      expect(renderHtmlPage(report)).toBe(first);
      expect(renderHtmlFragment(report)).toBe(renderHtmlFragment(clone(report)));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('official spans', () => {
  it('2019: 三、本年度办理结果 spans 20 rows; the (八)/(九) last cells span two columns', () => {
    const page = renderHtmlPage(byEdition('2019'));
    expect(page).toContain('rowspan="20" scope="row" headers="nb-applications-corner">三、本年度办理结果</th>');
    expect(page).toContain(
      'colspan="3" rowspan="3" scope="col">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>',
    );
    expect(page).toMatch(
      /<th id="nb-proactiveDisclosure-article20Item8-c-changeThisYear" colspan="2"[^>]*>本年增\/减<\/th>/,
    );
    expect(page).toMatch(
      /<th id="nb-proactiveDisclosure-article20Item9-c-totalAmount" colspan="2"[^>]*>采购总金额<\/th>/,
    );
    expect(page).toMatch(
      /<th id="nb-proactiveDisclosure-article20Item1" colspan="4" scope="rowgroup">第二十条第（一）项<\/th>/,
    );
  });

  it('2021: 三、本年度办理结果 spans 22 rows; single values span three columns', () => {
    const page = renderHtmlPage(byEdition('2021'));
    expect(page).toContain('rowspan="22" scope="row" headers="nb-applications-corner">三、本年度办理结果</th>');
    expect(page).toContain(
      'rowspan="3" scope="row" headers="nb-applications-corner nb-applications-r-results">（六）其他处理</th>',
    );
    expect(page).toMatch(
      /<th id="nb-proactiveDisclosure-article20Item8-c-amount" colspan="3"[^>]*>本年收费金额（单位：万元）<\/th>/,
    );
    expect(page).toMatch(/<td colspan="3" headers="[^"]*article20Item8-c-amount[^"]*">[\d.]+<\/td>/);
  });

  it('table 四: 行政诉讼 spans 10 columns over 未经复议直接起诉 / 复议后起诉', () => {
    const page = renderHtmlPage(byEdition('2021'));
    expect(page).toContain(
      '<th id="nb-reviewAndLitigation-c-administrativeLitigation" colspan="10" scope="colgroup">行政诉讼</th>',
    );
    expect(page).toContain(
      '<th id="nb-reviewAndLitigation-c-administrativeReconsideration-upheld" rowspan="2" scope="col"',
    );
  });
});

describe('hostile narrative', () => {
  const page = renderHtmlPage(hostile(byEdition('2021')));
  const fragment = renderHtmlFragment(hostile(byEdition('2019')));

  const METADATA = /<script type="application\/json" data-nianbao="metadata">([^<]*)<\/script>/;

  it.each([page, fragment].map((html, i) => [i === 0 ? 'page' : 'fragment', html]))(
    '%s: the embedded metadata is inert JSON no text can break out of',
    (_kind, html) => {
      expect(html.match(/<script/gi)).toHaveLength(1);
      const json = METADATA.exec(html)?.[1];
      expect(json).toBeDefined();
      expect(json).not.toMatch(/[<>&]/);
      expect(JSON.parse(json!).agency.name).toBe('<b>机关</b>"&\'');
    },
  );

  it.each([page, fragment].map((html, i) => [i === 0 ? 'page' : 'fragment', html.replace(METADATA, '')]))(
    '%s: creates no markup from text',
    (_kind, html) => {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/<svg/i);
      expect(html).not.toMatch(/<a[ >]/i);
      expect(html).not.toMatch(/href=/i);
      expect(html).not.toMatch(/ on\w+=/i);
      expect(html).not.toContain('<b>');
      expect(html).not.toContain('<!--');
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(html).toContain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
      expect(html).toContain('&lt;/p&gt;&lt;/section&gt;&lt;/article&gt;&lt;h1&gt;假标题&lt;/h1&gt;');
      expect(html).toContain('&amp;lt;already-escaped&amp;gt; &amp;amp; &lt;!-- comment --&gt;');
      expect(html).toContain('&lt;b&gt;机关&lt;/b&gt;&quot;&amp;&#x27;');
    },
  );

  it('prints template syntax literally instead of evaluating it', () => {
    expect(page).toContain('<p>{{handlebars}} {{{triple}}} {{&gt; partial}} {{#each this}}x{{/each}}</p>');
    expect(page).toContain('<p>javascript:alert(document.cookie)</p>');
  });

  it('drops bidi overrides and control characters', () => {
    for (const html of [page, fragment]) {
      expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      // eslint-disable-next-line no-control-regex
      expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    }
    expect(page).toContain('<p>正常文字倒序结束</p>');
    expect(page).toContain('<p>abcde</p>');
  });
});

describe('fragment', () => {
  const fragment = renderHtmlFragment(byEdition('2019'));

  it('has no document wrapper, one article with lang, and the scoped style in front', () => {
    expect(fragment).not.toMatch(/<html|<head|<body|<!DOCTYPE|<main/i);
    expect(fragment.startsWith('<style>')).toBe(true);
    expect(fragment).toContain('<article class="nianbao-report" lang="zh-CN">');
    expect(fragment.match(/<article/g)).toHaveLength(1);
    expect(renderHtmlFragment(byEdition('2019'), { includeStyle: false }).startsWith('<article')).toBe(true);
  });

  it('scopes every style rule under .nianbao-report', () => {
    const selectors = reportStylesheet
      .replace(/@media[^{]*\{/g, '')
      .replace(/@page\{[^}]*\}/g, '')
      .split('}')
      .map((rule) => rule.split('{')[0]!.trim())
      .filter((selector) => selector !== '');
    expect(selectors.length).toBeGreaterThan(20);
    for (const group of selectors)
      for (const selector of group.split(',')) expect(selector.trim()).toMatch(/^\.nianbao-report(\s|$|\.|:)/);
  });

  it('prefixes every id with the given prefix', () => {
    const html = renderHtmlFragment(byEdition('2021'), { idPrefix: 'r2021-' });
    const ids = [...html.matchAll(/ (?:id|aria-labelledby)="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(90);
    for (const id of ids) expect(id.startsWith('r2021-')).toBe(true);
    for (const m of html.matchAll(/headers="([^"]+)"/g))
      for (const id of m[1]!.split(' ')) expect(id.startsWith('r2021-')).toBe(true);
    expect(() => renderHtmlFragment(byEdition('2021'), { idPrefix: '"><x' })).toThrow(RangeError);
  });

  it('moves headings down with headingLevel', () => {
    const html = renderHtmlFragment(byEdition('2021'), { headingLevel: 2 });
    expect(html).not.toContain('<h1');
    expect(html.match(/<h2[ >]/g)).toHaveLength(1);
    expect(html.match(/<h3[ >]/g)).toHaveLength(6);
  });
});

describe('not reported cells', () => {
  afterEach(() => vi.useRealTimers());

  it('shows — with a screen-reader label and a note under the table', () => {
    const report = clone(byEdition('2021')) as Extract<Report, { edition: '2021' }>;
    report.provenance = { importedFrom: 'https://example.gov.cn/report.html' };
    report.sections.reviewAndLitigation.table.administrativeReconsideration.pending = null;
    const page = renderHtmlPage(report);
    expect(page).toMatch(
      /headers="[^"]*administrativeReconsideration-pending"><span aria-hidden="true">—<\/span><span class="nb-sr">未填报<\/span><\/td>/,
    );
    expect(page.split(NOT_REPORTED_NOTE)).toHaveLength(2);
    expect(renderHtmlPage(byEdition('2021'))).not.toContain(NOT_REPORTED_NOTE);
  });
});

describe('signature', () => {
  it('ends with the agency, and the publication date only when the report states one', () => {
    const dated = clone(byEdition('2021'));
    dated.metadata.publicationDate = '2022-01-25';
    expect(renderHtmlPage(dated)).toContain(
      '<footer class="nb-signature">\n<p>示例市交通运输局</p>\n<p><time datetime="2022-01-25">2022年1月25日</time></p>\n</footer>'.replace(
        '示例市交通运输局',
        dated.metadata.agency.name,
      ),
    );
    const undated = clone(byEdition('2021'));
    delete undated.metadata.publicationDate;
    expect(renderHtmlPage(undated)).not.toContain('<time');
  });
});
