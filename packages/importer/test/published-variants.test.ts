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

describe('rows short of cells, and a row split off its table', () => {
  const header = ['| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '|---|---|---|---|'];
  const item1 = (text: string) =>
    (tables(importText(text, true))[0] as { article20Item1: Record<string, Record<string, unknown>> }).article20Item1;

  it('a row missing a cell (not blank: gone) inside a copy is not read by position (sh-gov-office-2025)', () => {
    const text = [
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      ...header,
      '| 规章 | 22 | 235 |',
      '| 行政规范性文件 | 34 | 0 | 189 |',
    ];
    const read = item1([...text, '', '三、收到和处理政府信息公开申请情况', '本年度未收到申请。'].join('\n'));
    expect(read.regulations).toEqual({ issued: null, repealed: null, inForce: null });
    expect(read.normativeDocuments).toEqual({ issued: 34, repealed: 0, inForce: 189 });
  });

  it('a copy cut short inside its last row keeps the cells before the cut', () => {
    const text = [
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      ...header,
      '| 规章 | 0 | 0 | 3 |',
      '| 行政规范性文件 | 34 | 0',
    ];
    expect(item1(text.join('\n')).normativeDocuments).toEqual({ issued: 34, repealed: 0, inForce: null });
  });

  it('a one-row table right after table 三 with one of its labels is part of it (a row at a page foot)', () => {
    const text = fixture('text-2021.txt').replace(
      /\n(2\.没有现成信息需要另行制作[^\n]*)\n/,
      (_, row: string) => `\n\n${row.replace(/\s*\|\s*/g, '   ').trim()}\n\n`,
    );
    expect(text).not.toBe(fixture('text-2021.txt'));
    expect(tables(importText(text))).toEqual(tables(importText(fixture('text-2021.txt'))));
  });
});

describe('the agency from titles as pages print them', () => {
  const body = fixture('text-2021.txt').split('\n').slice(1).join('\n');
  const agency = (head: string) => importText(`${head}\n${body}`).document.metadata.agency.name;

  it.each([
    ['淮安市洪泽区人民政府\n2024 年政府信息公开工作年度报告', '淮安市洪泽区人民政府'],
    [
      '2022年政府信息公开工作年度报告\n桃江县松木塘镇人民政府\n2022年政府信息公开工作年度报告',
      '桃江县松木塘镇人民政府',
    ],
    ['正文\n2025 年上海市人民政府办公厅政府信息公开\n工作年度报告', '上海市人民政府办公厅'],
    ['河包镇2020年政府信息公开工作年度报告', '河包镇人民政府'],
    ['海滨街道2023年政府信息公开工作年度报告', '海滨街道办事处'],
    ['标(biāo)      题 西藏自治区(qū)人民政府2023年政府信息公开工作年度报告', '西藏自治区人民政府'],
    ['锡盟商务局2021年政府信息公开工作报告', '锡盟商务局'],
    ['西咸新区底张街道办事处2023年度政府\n信息公开工作年度报告', '西咸新区底张街道办事处'],
    ['【打印】 【字体:\n锡盟商务局2021年政府信息公开工作报告', '锡盟商务局'],
    ['> 信息公开年度报告\n衡阳市衡东县杨林镇2023年政府信息公开年度报告', '衡阳市衡东县杨林镇人民政府'],
  ])('%s → %s', (head, name) => {
    expect(agency(head)).toBe(name);
  });

  it('a page without a title: the agency naming itself in the first sentence, as a guess', () => {
    const text = ['一、总体情况', '2023年，阿尔善宝力格镇人民政府认真贯彻落实《条例》，全年公开信息23条。'];
    const result = importText(text.join('\n'), true);
    expect(result.document.metadata.agency.name).toBe('阿尔善宝力格镇人民政府');
    expect(result.warnings.some((w) => w.code === 'guessed' && w.at === '/metadata/agency/name')).toBe(true);
  });

  it('a spam line above the title stays in the preface, where the validator sees it', () => {
    const result = importText(
      `足球比分网,365体育在线观看入口网站,\n歙县人民政府2021年政府信息公开工作年度报告\n${body}`,
    );
    expect(result.document.metadata.agency.name).toBe('歙县人民政府');
    expect(result.document.preface.paragraphs[0]).toContain('足球比分网');
  });
});

describe('table 四 published as three small tables (js-shuyang-gov-2025)', () => {
  it('reads each under its heading into its own columns', () => {
    const part = (heading: string, values: string) => [
      `### ${heading}`,
      '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '|---|---|---|---|---|',
      `| ${values} |`,
      '',
    ];
    const text = [
      '## 四、政府信息公开行政复议、行政诉讼情况',
      ...part('行政复议', '27 | 10 | 9 | 15 | 61'),
      ...part('行政诉讼（未经复议直接起诉）', '3 | 0 | 0 | 0 | 3'),
      ...part('行政诉讼（复议后起诉）', '8 | 0 | 1 | 1 | 10'),
    ].join('\n');
    expect(tables(importText(text, true))[2]).toEqual({
      administrativeReconsideration: { upheld: 27, corrected: 10, otherResult: 9, pending: 15, total: 61 },
      administrativeLitigation: {
        withoutReconsideration: { upheld: 3, corrected: 0, otherResult: 0, pending: 0, total: 3 },
        afterReconsideration: { upheld: 8, corrected: 0, otherResult: 1, pending: 1, total: 10 },
      },
    });
  });
});

describe('a row whose label was left on the lines above its numbers (sh-gov-office-2025)', () => {
  it('takes the label when it starts with its numbering right above the numbers', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '| （一）予以公开 | 201 | 5 | 0 | 0 | 0 | 0 | 206 |',
      '',
      '（二）部分公开（区分处理的，只计这一情',
      '形，不计其他情形）',
      '| 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      '| 1.属于国家秘密 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
      '| 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ].join('\n');
    const results = (tables(importText(text, true))[1] as { results: Record<string, unknown> }).results;
    expect(results.partiallyDisclosed).toMatchObject({ naturalPerson: 2, total: 2 });
    // Numbers with no label above them are not given to any row.
    expect(results.notDisclosed).toMatchObject({ prohibitedByLaw: { naturalPerson: null } });
  });
});

describe('a report whose tables have labels and no numbers (sn-jiaxian-xizhen-2022)', () => {
  it('takes its edition from those labels, and says the year wants the other one', () => {
    const text = [
      '某镇2022年政府信息公开工作年度报告',
      '一、总体情况',
      '本镇认真落实《条例》。',
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容',
      '本年新制作数量',
      '本年新公开数量',
      '对外公开总数量',
      '第二十条第（九）项',
      '采购项目数量',
      '政府集中采购',
    ].join('\n');
    const result = importText(text, true);
    expect(result.fidelity.edition).toBe('2019');
    expect(result.warnings.map((w) => w.code)).toContain('edition-mismatch');
  });
});
