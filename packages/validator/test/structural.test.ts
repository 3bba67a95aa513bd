/** Structural findings: where they point and how they name the place (official labels, zh and en). */
import { describe, expect, it } from 'vitest';
import { validReport } from '@nianbao/fixtures';
import { checkRuleSet, structuralValidator } from '../src/index.js';
import { copy, expectWellFormed } from './helpers.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const T = '/sections/applications/table';

function check(document: unknown, edition: '2019' | '2021' = '2021') {
  const findings = structuralValidator(edition)(document);
  expectWellFormed(findings);
  for (const finding of findings) expect(finding).toMatchObject({ ruleId: 'schema', severity: 'error' });
  return findings;
}

describe('structural findings', () => {
  it('a missing cell: its pointer, labels and official name', () => {
    const document = copy(validReport('2021', 4)) as unknown as Doc;
    delete document.sections.applications.table.results.notDisclosed.stateSecret.total;
    const findings = check(document);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      pointer: `${T}/results/notDisclosed/stateSecret/total`,
      section: '三、收到和处理政府信息公开申请情况',
      row: ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'],
      column: ['总计'],
    });
    expect(findings[0]!.message.zh).toBe(
      '「三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密」缺少必填项「总计」。',
    );
    expect(findings[0]!.message.en).toContain('missing required field total (总计)');
  });

  it('a missing row and a missing section', () => {
    const document = copy(validReport('2019', 4)) as unknown as Doc;
    delete document.sections.applications.table.results.unableToProvide.needsCreation;
    delete document.sections.otherMatters;
    const findings = check(document, '2019');
    expect(findings.map((finding) => finding.pointer)).toEqual([
      `${T}/results/unableToProvide/needsCreation`,
      '/sections/otherMatters',
    ]);
    expect(findings[0]!.message.zh).toContain('缺少必填项「2.没有现成信息需要另行制作」');
    expect(findings[1]!.message.zh).toBe('缺少必填项「六、其他需要报告的事项」。');
  });

  it('one finding per unknown key, and a hint when the key belongs to the other edition', () => {
    const document = copy(validReport('2021', 4)) as unknown as Doc;
    document.sections.applications.table.newApplications.subtotal = 3;
    document.sections.applications.table.newApplications.remark = 'x';
    document.sections.proactiveDisclosure.table.article20Item9 = {
      centralizedProcurement: { projects: 1, totalAmount: { value: '1', unit: '元' } },
    };
    const findings = check(document);
    expect(findings.map((finding) => finding.pointer)).toEqual([
      '/sections/proactiveDisclosure/table/article20Item9',
      `${T}/newApplications/subtotal`,
      `${T}/newApplications/remark`,
    ]);
    expect(findings[0]!.message.zh).toContain('这是2019年格式的「第二十条第（九）项」');
    expect(findings[1]!.message.zh).toBe(
      '「一、本年新收政府信息公开申请数量」中有未知字段“subtotal”：2021年格式没有这一项。',
    );
  });

  it('wrong types: what was expected, what was found, and the YAML hints', () => {
    const document = copy(validReport('2021', 4)) as unknown as Doc;
    document.metadata.agency.administrativeDivisionCode = 341700;
    document.sections.applications.table.newApplications.naturalPerson = '12';
    document.sections.proactiveDisclosure.table.article20Item8.administrativeFees.amount = 59237.2449;
    document.sections.reviewAndLitigation.table.administrativeReconsideration.pending = 2.5;
    const findings = check(document);
    const byPointer = Object.fromEntries(findings.map((finding) => [finding.pointer, finding]));
    expect(byPointer['/metadata/agency/administrativeDivisionCode']).toMatchObject({
      expected: 'string',
      actual: 341700,
    });
    expect(byPointer['/metadata/agency/administrativeDivisionCode']!.message.zh).toContain(
      "YAML中请给文本加引号，如 administrativeDivisionCode: '341700'",
    );
    expect(byPointer['/metadata/agency/administrativeDivisionCode']!.message.en).toContain('quote text values');
    expect(byPointer[`${T}/newApplications/naturalPerson`]!.message.zh).toBe(
      '「一、本年新收政府信息公开申请数量」「自然人」应为整数，实为文本“12”。 请去掉引号，直接写数字。',
    );
    expect(
      byPointer['/sections/proactiveDisclosure/table/article20Item8/administrativeFees/amount']!.message.zh,
    ).toContain("金额请写成带引号的十进制文本，如 amount: '59237.2449'");
    expect(
      byPointer['/sections/reviewAndLitigation/table/administrativeReconsideration/pending']!.message.zh,
    ).toContain('应为整数，实为2.5');
  });

  it('negative counts, malformed amounts and dates, unknown enumeration values, empty text', () => {
    const document = copy(validReport('2019', 4)) as unknown as Doc;
    document.sections.reviewAndLitigation.table.administrativeReconsideration.upheld = -1;
    document.sections.proactiveDisclosure.table.article20Item9.centralizedProcurement.totalAmount = {
      value: '12.34567',
      unit: '千元',
    };
    document.metadata.publicationDate = '2021-13-01';
    document.metadata.agency.level = 'city';
    document.preface.paragraphs[0] = '';
    const messages = Object.fromEntries(
      check(document, '2019').map((finding) => [finding.pointer, finding.message.zh]),
    );
    expect(messages['/sections/reviewAndLitigation/table/administrativeReconsideration/upheld']).toContain(
      '不能小于0（件数不能为负数）',
    );
    expect(
      messages['/sections/proactiveDisclosure/table/article20Item9/centralizedProcurement/totalAmount/value'],
    ).toContain('最多4位小数');
    expect(messages['/sections/proactiveDisclosure/table/article20Item9/centralizedProcurement/totalAmount/unit']).toBe(
      '「第二十条第（九）项 › 政府集中采购」「采购总金额 › 单位」应为以下之一："元"、"万元"、null，实为文本“千元”。',
    );
    expect(messages['/metadata/publicationDate']).toContain('YYYY-MM-DD');
    expect(messages['/metadata/agency/level']).toContain('"provincial"（省级）');
    expect(messages['/preface/paragraphs/0']).toBe('「引言 › 第1段」不能为空。');
  });

  it('rule files: findings point into the file', () => {
    const findings = checkRuleSet({
      rules: [
        {
          id: 'schema',
          severity: 'fatal',
          title: { zh: 'x', en: 'x' },
          message: { zh: '{nope}', en: 'x' },
          checks: [{ type: 'statedCount', at: ['/x'], patterns: ['(?<m>\\d+)'], equals: [] }],
        },
      ],
    });
    expectWellFormed(findings);
    expect(findings.map((finding) => finding.pointer)).toEqual([
      '/rules/0/id',
      '/rules/0/severity',
      '/rules/0/checks/0/patterns/0',
      '/rules/0/message/zh',
    ]);
  });
});
