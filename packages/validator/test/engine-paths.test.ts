/**
 * The engine's shortcuts give the same findings as the plain reading of the rules: sums that leave the
 * safe-integer range, overlapping text pointers, disguised words found through the one-pass
 * prefilter, expressions that match the empty string, and documents read twice.
 */
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@nianbao/template';
import type { Finding } from '../src/index.js';
import { validReport } from '@nianbao/fixtures';
import { copy, setAt, validate } from './helpers.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const doc2021 = (): Doc => copy(validReport('2021', 8)) as unknown as Doc;
const text = (zh: string, en = zh) => ({ zh, en });
const only = (findings: readonly Finding[], id: string): Finding[] =>
  findings.filter((finding) => finding.ruleId === id);
const rules = (...list: RuleSet['rules']): RuleSet => ({ rules: list });

describe('sums', () => {
  const cell = '/sections/applications/table/newApplications/naturalPerson';
  const other = '/sections/applications/table/carriedOverFromLastYear/naturalPerson';
  const ceiling = rules({
    id: 'LOCAL-SUM',
    severity: 'error',
    title: text('和不超过 0'),
    message: text('和为{actual}'),
    checks: [{ type: 'compare', left: [cell, other], op: '<=', right: [0] }],
  });

  it('a sum past 2^53 is exact (falls back from numbers to decimals)', () => {
    const document = doc2021();
    setAt(document, cell, Number.MAX_SAFE_INTEGER);
    setAt(document, other, 2);
    const [finding] = only(validate(document, { extraRules: [ceiling] }).findings, 'LOCAL-SUM');
    expect(finding).toMatchObject({ actual: '9007199254740993', message: { zh: '和为9007199254740993' } });
  });

  it('a negative term, and numbers and amounts in one sum', () => {
    const document = doc2021();
    setAt(document, cell, 5);
    setAt(document, other, 7);
    const mixed = rules({
      id: 'LOCAL-MIX',
      severity: 'error',
      title: text('混合'),
      message: text('{actual} vs {expected}'),
      checks: [
        {
          type: 'compare',
          left: [cell, `-${other}`, 0.25],
          op: '==',
          right: [
            -2,
            '/sections/reviewAndLitigation/table/administrativeReconsideration/total',
            `-/sections/reviewAndLitigation/table/administrativeReconsideration/total`,
          ],
        },
      ],
    });
    const [finding] = only(validate(document, { extraRules: [mixed] }).findings, 'LOCAL-MIX');
    expect(finding).toMatchObject({ actual: '-1.75', expected: -2 });
  });
});

describe('text checks', () => {
  it('overlapping pointers read each paragraph once', () => {
    const document = doc2021();
    document.sections.overview.oversight.paragraphs[0] = '本段含有禁用词甲乙。';
    const overlap = rules({
      id: 'LOCAL-WORD',
      severity: 'warning',
      title: text('禁用词'),
      message: text('{paragraph}含“{word}”'),
      checks: [
        {
          type: 'forbiddenText',
          at: ['/sections', '/sections/overview', '/sections/overview/oversight/paragraphs/0'],
          words: ['甲乙'],
        },
      ],
    });
    const findings = only(validate(document, { extraRules: [overlap] }).findings, 'LOCAL-WORD');
    expect(findings.map((finding) => finding.pointer)).toEqual(['/sections/overview/oversight/paragraphs/0']);
  });

  it('disguised words are found and quoted as written (zero-width space, full-width letters, upper case)', () => {
    const document = doc2021();
    document.preface.paragraphs[0] = '详见足\u200B球比分，或访问ＢＥＴ３６５（网址）。';
    const findings = only(validate(document).findings, 'I-SPAM');
    expect(findings.map((finding) => finding.actual)).toEqual(['足\u200B球比分', 'ＢＥＴ３６５']);
  });

  it('a word list with nothing to find, and words with characters special in regular expressions', () => {
    const document = doc2021();
    document.sections.otherMatters.paragraphs.push('价格为 a+b (c)? 元。');
    const special = rules({
      id: 'LOCAL-SPECIAL',
      severity: 'warning',
      title: text('特殊字符'),
      message: text('“{word}”'),
      checks: [{ type: 'forbiddenText', at: ['/sections/otherMatters'], words: ['', 'A+B (C)?', '[x]'] }],
    });
    const findings = only(validate(document, { extraRules: [special] }).findings, 'LOCAL-SPECIAL');
    expect(findings.map((finding) => finding.actual)).toEqual(['a+b (c)?']);
  });

  it('a stated-count pattern that matches the empty string steps over characters, astral ones whole', () => {
    const document = doc2021();
    const total = document.sections.applications.table.newApplications.total as number;
    document.sections.otherMatters.paragraphs.push(`𠮷𠮷共${total + 1}件`);
    const index = document.sections.otherMatters.paragraphs.length - 1;
    const empty = rules({
      id: 'LOCAL-STATED',
      severity: 'warning',
      title: text('数字'),
      message: text('{actual}≠{expected}'),
      checks: [
        {
          type: 'statedCount',
          at: ['/sections/otherMatters'],
          patterns: ['共(?<n>\\d*)'],
          equals: ['/sections/applications/table/newApplications/total'],
        },
      ],
    });
    const findings = only(validate(document, { extraRules: [empty] }).findings, 'LOCAL-STATED');
    expect(findings).toEqual([
      expect.objectContaining({
        pointer: `/sections/otherMatters/paragraphs/${index}`,
        actual: total + 1,
        expected: total,
      }),
    ]);
  });

  it('a numbered back-reference keeps the prefilter off (its group names dropped, groups renumber)', () => {
    const document = doc2021();
    const cell = '/sections/applications/table/newApplications/total';
    const total = document.sections.applications.table.newApplications.total as number;
    // \1 is the group n: the number stated again after the sentence.
    document.sections.otherMatters.paragraphs.push(`共${total + 1}件、${total + 1}`);
    const index = document.sections.otherMatters.paragraphs.length - 1;
    const backReference = rules({
      id: 'LOCAL-BACKREF',
      severity: 'warning',
      title: text('数字'),
      message: text('{actual}≠{expected}'),
      checks: [
        { type: 'statedCount', at: ['/sections/otherMatters'], patterns: ['共(?<n>\\d+)件(、)\\1'], equals: [cell] },
      ],
    });
    const findings = only(validate(document, { extraRules: [backReference] }).findings, 'LOCAL-BACKREF');
    expect(findings).toEqual([
      expect.objectContaining({
        pointer: `/sections/otherMatters/paragraphs/${index}`,
        actual: total + 1,
        expected: total,
      }),
    ]);
  });

  it('substantive: a placeholder longer than minChars, and a count of meaningful characters at the limit', () => {
    const document = doc2021();
    const rule = (placeholders: string[], minChars: number) =>
      rules({
        id: 'LOCAL-SUBSTANTIVE',
        severity: 'warning',
        title: text('有内容'),
        message: text('“{actual}”'),
        checks: [{ type: 'substantive', at: ['/sections/otherMatters'], minChars, placeholders }],
      });
    const findings = (placeholders: string[], minChars: number) =>
      only(validate(document, { extraRules: [rule(placeholders, minChars)] }).findings, 'LOCAL-SUBSTANTIVE');
    document.sections.otherMatters.paragraphs = ['本部分，暂无需要说明的问题。'];
    expect(findings(['本部分暂无需要说明的问题'], 2)).toHaveLength(1);
    expect(findings(['暂无'], 2)).toHaveLength(0);
    // 12 meaningful characters between punctuation and spaces: 12 is enough, 13 is not.
    document.sections.otherMatters.paragraphs = ['一二三，四五六。', '  七八九！', '十、十一', '……'];
    expect(findings([], 11)).toHaveLength(0);
    expect(findings([], 12)).toHaveLength(0);
    expect(findings([], 13)).toHaveLength(1);
  });

  it('a document changed after validation is read afresh', () => {
    const document = doc2021();
    expect(only(validate(document).findings, 'I-SPAM')).toEqual([]);
    document.preface.paragraphs[0] = '买球请访问本站。';
    expect(only(validate(document).findings, 'I-SPAM')).toHaveLength(1);
  });
});

describe('type checks of rule inputs', () => {
  it('a structurally valid document and a broken one give the same rule findings for cells that fit', () => {
    const document = doc2021();
    document.sections.applications.table.results.disclosed.total += 1;
    const clean = validate(document).findings.filter((finding) => finding.ruleId !== 'schema');
    document.metadata.unknownKey = 1; // a schema finding elsewhere: the rules now check each term's type
    const broken = validate(document).findings.filter((finding) => finding.ruleId !== 'schema');
    expect(broken).toEqual(clean);
  });
});
