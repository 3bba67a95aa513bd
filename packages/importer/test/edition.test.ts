import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { fixture, imported, seedPath } from './helpers.js';

describe('the edition', () => {
  it('is read from the table labels, and a report whose labels do not fit its year is flagged', () => {
    // The 2021 government page relabelled as a 2020 report: 2021 table vocabulary in a 2020 report.
    const html = fixture('cms-government-2021.html').replaceAll('2021年', '2020年');
    const result = imported(importReport({ text: html, kind: 'html', name: 'relabelled.html' }));
    expect(result.document.metadata.reportYear).toBe(2020);
    expect(result.document.edition).toBe('2021');
    expect(result.fidelity.editionFrom).toBe('labels');
    const mismatch = result.warnings.filter((w) => w.code === 'edition-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.message.zh).toBe('报告年度为2020年，应使用2019年格式，但表格使用的是2021年格式的栏目。');
  });

  it("can be forced; the tables are then read with that edition's labels and the mismatch is said", () => {
    const seed = readFileSync(seedPath, 'utf8');
    const result = imported(importReport({ text: seed, kind: 'text', name: 'seed.txt' }, { edition: '2021' }));
    expect(result.document.edition).toBe('2021');
    expect(result.fidelity).toMatchObject({ edition: '2021', editionFrom: 'option', cellsExpected: 10 + 175 + 15 });
    const codes = new Set(result.warnings.map((w) => w.code));
    for (const code of ['edition-mismatch', 'row-unrecognised', 'columns-by-position', 'row-missing'] as const)
      expect(codes).toContain(code);
    // 2019's 其他对外管理服务事项 row has no place in the 2021 table: it is kept as text.
    expect(result.document.provenance?.unplaced?.map((u) => u.text)).toContain('其他对外管理服务事项 | 6 | 0 | 87 |');
  });

  it('auto and 2019 read the seed the same way', () => {
    const seed = readFileSync(seedPath, 'utf8');
    const auto = imported(importReport({ text: seed, kind: 'text', name: 'seed.txt' }, { edition: 'auto' }));
    const forced = imported(importReport({ text: seed, kind: 'text', name: 'seed.txt' }, { edition: '2019' }));
    expect(forced.document).toEqual(auto.document);
    expect(forced.warnings.some((w) => w.code === 'edition-mismatch')).toBe(false);
  });
});
