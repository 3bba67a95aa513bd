import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { imported, publishedSeed, seedPath } from './helpers.js';

const seedText = readFileSync(seedPath, 'utf8');

describe('the seed (池州市人民防空办公室, 2020, |-flattened text)', () => {
  const result = imported(importReport({ text: seedText, kind: 'text', name: 'chizhou-rfb-2020-annual-report.txt' }));

  it("gives exactly the bundled example with the page's spam still in it, apart from provenance", () => {
    // The example is the report as the agency wrote it; the page carries injected spam, which an
    // import keeps (the validator reports it as I-SPAM errors). An import adds where it came from.
    const { provenance, ...document } = result.document as unknown as Record<string, unknown>;
    expect(document).toEqual(publishedSeed());
    const { origins, ...rest } = provenance as Record<string, unknown>;
    expect(rest).toEqual({
      importedFrom: 'chizhou-rfb-2020-annual-report.txt',
      unplaced: [{ text: '扫一扫在手机打开当前页', from: 'line 70' }],
    });
    // Every cell and every paragraph says which line it came from.
    const lines = origins as Record<string, string>;
    expect(Object.keys(lines).filter((pointer) => pointer.includes('/table/'))).toHaveLength(22 + 161 + 15);
    expect(lines['/sections/applications/table/carriedOverToNextYear/total']).toBe('line 59');
    expect(lines['/preface/paragraphs/0']).toBe('line 1');
    expect(
      Object.keys(lines).filter((pointer) => pointer.includes('/paragraphs/') || pointer.includes('/introduction/')),
    ).toHaveLength(14);
    for (const place of Object.values(lines)) expect(place).toMatch(/^line \d+$/);
  });

  it('reads every cell, finds every section and places every paragraph', () => {
    expect(result.fidelity).toEqual({
      cellsRead: 22 + 161 + 15,
      cellsExpected: 22 + 161 + 15,
      sectionsFound: [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
      // preface 1 + overview 1 + 5 + 1 + 1 + 1 + 1 + problems 2 + 其他 1
      paragraphsPlaced: 14,
      paragraphsUnplaced: 1,
      notReported: [],
      edition: '2019',
      editionFrom: 'labels',
    });
  });

  it('says what it guessed and which labels it matched only approximately', () => {
    const codes = result.warnings.map((w) => `${w.code} ${w.at ?? w.from ?? ''}`);
    expect(codes).toEqual([
      'guessed /metadata/agency/kind',
      'guessed /metadata/agency/level',
      'guessed /metadata/agency/administrativeDivisionCode',
      'label-approximate /sections/applications/table/results/notProcessed/confirmationOrReissue',
      'unplaced line 70',
    ]);
    const typo = result.warnings.find((w) => w.code === 'label-approximate')!;
    expect(typo.from).toBe('line 56');
    expect(typo.message.zh).toContain('已取信息');
  });

  it('reads the same page with Windows line ends, a BOM and indented paragraphs', () => {
    const variant =
      '\uFEFF' +
      seedText
        .split('\n')
        .map((line) => (line.includes('|') ? line : `\u3000\u3000${line}`))
        .join('\r\n');
    const again = imported(importReport({ text: variant, kind: 'text', name: 'x.txt' }));
    const { provenance: _a, ...left } = again.document as unknown as Record<string, unknown>;
    const { provenance: _b, ...right } = result.document as unknown as Record<string, unknown>;
    expect(left).toEqual(right);
  });

  it('reads sub-topics numbered 1、 instead of (一) the same way', () => {
    const renumbered = seedText.replace(/^\(([一二三四五])\)/gm, (_, n: string) => `${'一二三四五'.indexOf(n) + 1}、`);
    expect(renumbered).toContain('2、依申请公开情况。');
    const again = imported(importReport({ text: renumbered, kind: 'text', name: 'x.txt' }));
    expect(again.document.sections.overview).toEqual(result.document.sections.overview);
    expect(again.document.sections.problemsAndImprovements).toEqual(result.document.sections.problemsAndImprovements);
  });
});
