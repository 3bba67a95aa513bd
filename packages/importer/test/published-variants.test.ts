/**
 * Real pages in the corpus that published the report differently: a mirror site's copy in traditional
 * characters (zj-hangzhou-jxj-2023, hn-yuanling-eryou-2023), part headings whose 一、 a word processor's
 * list numbering turned into 1、 (sn-xixian-zhengyang-2023), and Markdown copies that put each row
 * under a heading of its own (js-shuyang-gov-2025). Made here from the committed 2021 text fixture.
 */
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { fixture, imported } from './helpers.js';

const lib = ((OpenCC as unknown as { default?: typeof OpenCC }).default ?? OpenCC) as typeof OpenCC;
const toTraditional = lib.Converter({ from: 'cn', to: 'tw' }) as (text: string) => string;

const importText = (text: string, partial = false) =>
  imported(importReport({ text, kind: 'text', name: 'variant.txt' }, { partial }));
const tables = (result: ReturnType<typeof importText>) => {
  const sections = result.document.sections as unknown as Record<string, { table: unknown }>;
  return ['proactiveDisclosure', 'applications', 'reviewAndLitigation'].map((id) => sections[id]!.table);
};

describe('a report served in traditional characters', () => {
  it('is read as the simplified report it was, with a warning', () => {
    const original = importText(fixture('text-2021.txt'));
    const traditional = toTraditional(fixture('text-2021.txt'));
    expect(traditional).toContain('總體情況');
    const result = importText(traditional);
    expect(tables(result)).toEqual(tables(original));
    expect(result.fidelity.cellsRead).toBe(original.fidelity.cellsRead);
    expect(result.document.metadata.agency.name).toBe('歙县人民政府');
    expect(result.warnings.map((w) => w.code)).toContain('script-converted');
    expect(original.warnings.map((w) => w.code)).not.toContain('script-converted');
  });
});

describe('part headings numbered 1、 2、 by a word processor', () => {
  it('are the parts when alone on their line with the official words; list items are not', () => {
    const text = fixture('text-2021.txt')
      .replace('第一部分 总体情况', '1、 总体情况')
      .replace('第二部分 主动公开政府信息情况', '2、 主动公开政府信息情况');
    const result = importText(text);
    expect(result.fidelity.sectionsFound).toEqual(importText(fixture('text-2021.txt')).fidelity.sectionsFound);
    // 「1、 主动公开。…」 is a sub-topic of 一 written as a list item, not the part 二.
    const listed = importText(text.replace('（一）主动公开。', '1、 主动公开。'));
    expect(listed.fidelity.sectionsFound).toEqual(result.fidelity.sectionsFound);
  });
});

describe('a Markdown copy with each row under its own heading', () => {
  it('reads the row under the heading, not the heading as an empty row', () => {
    const text = [
      '## 三、收到和处理政府信息公开申请情况',
      '### 一、本年新收政府信息公开申请数量',
      '| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |',
      '|---|---|---|---|---|---|---|---|',
      '| 本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 713 |',
    ].join('\n');
    const result = importText(text, true);
    const applications = tables(result)[1] as { newApplications: { naturalPerson: number; total: number } };
    expect(applications.newApplications.naturalPerson).toBe(705);
    expect(applications.newApplications.total).toBe(713);
    expect(result.warnings.map((w) => w.code)).not.toContain('row-duplicate');
  });
});

describe('a table copied one cell per line with its borders as pipes', () => {
  const proactive = (text: string) =>
    tables(importText(`二、主动公开政府信息情况\n${text}`, true))[0] as Record<string, Record<string, unknown>>;
  const item1 = (regulations: string[], normative: string[]) =>
    ['第二十条第(一)项 | |||', '信息内容 |', '本年制发件数 |', '本年废止件数 |', '现行有效件数 |', '|']
      .concat(regulations, normative)
      .join('\n');

  it('each cell ending in ｜, a lone ｜ closing a row or standing for a blank cell (hb-hanyang)', () => {
    const table = proactive(item1(['规章 |', '0 |', '0 |', '|', '|'], ['行政规范性文件 |', '5 |', '12 |', '8 |', '|']));
    expect(table.article20Item1).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: null },
      normativeDocuments: { issued: 5, repealed: 12, inForce: 8 },
    });
  });

  it('each cell followed by a line holding only ｜ (xj-nilka)', () => {
    const lines = [
      '第二十条第(一)项',
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
      '规章',
      '0',
      '0',
      '6',
    ];
    const text = [...lines, '行政规范性文件', '0', '1', '3'].flatMap((line) => [line, '|']).join('\n');
    expect(proactive(text).article20Item1).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 6 },
      normativeDocuments: { issued: 0, repealed: 1, inForce: 3 },
    });
  });
});

describe('a narrow table copied as text: label and number one space apart (sh-stcsm-2024)', () => {
  it('reads an official label and its number, the block title and its header above them', () => {
    const text = [
      '二、主动公开政府信息情况',
      '第二十条第（五）项',
      '信息内容本年处理决定数量',
      '行政许可 97',
      '第二十条第（六）项',
      '信息内容本年处理决定数量',
      '行政处罚 0',
      '行政强制 12',
      '本机关全年新增 5',
    ].join('\n');
    const table = tables(importText(text, true))[0] as Record<string, Record<string, { decisions: unknown }>>;
    expect(table.article20Item5!.administrativeLicensing!.decisions).toBe(97);
    expect(table.article20Item6!.administrativePunishment!.decisions).toBe(0);
    expect(table.article20Item6!.administrativeCoercion!.decisions).toBe(12);
  });
});
