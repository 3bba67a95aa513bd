import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { fixture, seedPath } from './helpers.js';

const seed = readFileSync(seedPath, 'utf8');
const lines = seed.split('\n');

function problemOf(text: string, kind: 'html' | 'text' = 'text') {
  const result = importReport({ text, kind, name: 'input' });
  if (result.ok) throw new Error('expected the import to fail');
  return result.problem;
}

describe('input that is not a (whole) report', () => {
  it('an empty input', () => {
    const problem = problemOf('');
    expect(problem.message.en).toMatch(/not a government information disclosure annual report/);
    expect(problem.found).toEqual([]);
    expect(problem.missing).toContain('一、总体情况');
    expect(problem.missing).toContain('三、收到和处理政府信息公开申请情况（表格）');
  });

  it('an unrelated web page', () => {
    const page = `<!DOCTYPE html><html><head><title>池州市人民政府_新闻动态</title></head><body>
      <h1>我市召开全市安全生产工作会议</h1><p>3月5日，全市安全生产工作会议召开。会议强调，一、要压实责任；二、要排查隐患。</p>
      <table><tr><td>姓名</td><td>职务</td></tr><tr><td>张三</td><td>局长</td></tr></table></body></html>`;
    const problem = problemOf(page, 'html');
    expect(problem.message.zh).toContain('不是政府信息公开工作年度报告');
    expect(problem.found).toEqual([]);
    expect(problem.missing).toHaveLength(9);
  });

  it('a page cut off in the middle of table 三', () => {
    const problem = problemOf(lines.slice(0, 50).join('\n'));
    expect(problem.message.en).toMatch(/statistical table is missing or cut short/);
    expect(problem.found).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '二、主动公开政府信息情况（表格，22/22个数）',
      '三、收到和处理政府信息公开申请情况（表格，98/161个数）',
    ]);
    expect(problem.missing).toContain(
      '三、收到和处理政府信息公开申请情况：三、本年度办理结果 （四）无法提供 3.补正后申请内容仍不明确',
    );
    expect(problem.missing).toContain('三、收到和处理政府信息公开申请情况：四、结转下年度继续办理');
    expect(problem.missing).toContain('四、政府信息公开行政复议、行政诉讼情况（表格）');
    expect(problem.missing).toContain('六、其他需要报告的事项');
  });

  it('a page whose last table row is cut short', () => {
    const cut = [...lines.slice(0, 63), '0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'].join('\n');
    const problem = problemOf(cut);
    expect(problem.missing).toEqual([
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
      '四、政府信息公开行政复议、行政诉讼情况：表格末行不完整',
    ]);
  });

  it('HTML cut off inside a table', () => {
    const html = fixture('cms-county-2020.html');
    const problem = problemOf(html.slice(0, html.indexOf('<td rowspan="5">(五)不予处理')), 'html');
    expect(problem.found).toContain('二、主动公开政府信息情况（表格，22/22个数）');
    expect(problem.missing).toContain('四、政府信息公开行政复议、行政诉讼情况（表格）');
  });
});

describe('a damaged but whole report', () => {
  it('a row missing in the middle of a table: its cells are null, with a warning', () => {
    const damaged = lines.filter((_, index) => index !== 43).join('\n'); // 4.保护第三方合法权益
    const result = importReport({ text: damaged, kind: 'text', name: 'damaged.txt' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const pointer = '/sections/applications/table/results/notDisclosed/thirdPartyRights';
    expect(result.warnings.filter((w) => w.code === 'row-missing').map((w) => w.at)).toEqual([pointer]);
    expect(result.fidelity.notReported).toHaveLength(7);
    expect(result.fidelity.notReported.every((p) => p.startsWith(pointer))).toBe(true);
    expect(result.fidelity.cellsRead).toBe(198 - 7);
  });

  it('a value that is not a number: null, with its text kept', () => {
    const damaged = seed.replace('行政许可 | 1 | 0 | 41 |', '行政许可 | 1 | 0 | 四十一 |');
    const result = importReport({ text: damaged, kind: 'text', name: 'damaged.txt' });
    if (!result.ok) throw new Error('expected success');
    const pointer = '/sections/proactiveDisclosure/table/article20Item5/administrativeLicensing/decisions';
    expect(result.warnings.find((w) => w.code === 'unreadable-cell')?.at).toBe(pointer);
    expect(result.document.provenance?.unplaced).toContainEqual({
      text: '四十一',
      from: 'line 21 (第二十条第（五）项 行政许可 · 处理决定数量)',
    });
  });
});

describe('absurd nesting', () => {
  it('a page nested far deeper than any real page is refused before parsing', () => {
    const problem = problemOf(`${'<div>'.repeat(100_000)}一、总体情况${'</div>'.repeat(100_000)}`, 'html');
    expect(problem.message.en).toBe(
      'The page nests its elements more than 2000 deep; not a normal report page, not read.',
    );
  });

  it('a real report wrapped in 1400 elements is still read', () => {
    const page = fixture('cms-county-2020.html');
    const html = page
      .replace('<body>', `<body>${'<div>'.repeat(1400)}`)
      .replace('</body>', `${'</div>'.repeat(1400)}</body>`);
    const result = importReport({ text: html, kind: 'html', name: 'deep.html' });
    expect(result.ok && result.fidelity.cellsRead).toBe(195);
  });
});

describe('never throws', () => {
  it('on arbitrary text or HTML', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('html' as const, 'text' as const), (text, kind) => {
        const result = importReport({ text, kind, name: 'x' });
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });

  it('on any prefix of the seed, or the seed with lines dropped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seed.length }),
        fc.array(fc.integer({ min: 0, max: lines.length - 1 }), { maxLength: 5 }),
        (cut, drop) => {
          for (const text of [seed.slice(0, cut), lines.filter((_, i) => !drop.includes(i)).join('\n')]) {
            const result = importReport({ text, kind: 'text', name: 'x' });
            if (!result.ok) expect(result.problem.message.en).not.toMatch(/internal error/);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
