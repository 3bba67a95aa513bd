/**
 * Rule files may carry regular expressions that backtrack catastrophically; checkRuleSet refuses them
 * with a finding at the pattern's place, and accepts the patterns of the edition rule files.
 */
import { describe, expect, it } from 'vitest';
import { EDITIONS, rulesFor } from '@nianbao/template';
import { checkRuleSet } from '../src/index.js';
import { backtrackingRisk } from '../src/regex-safety.js';
import { expectWellFormed } from './helpers.js';

const RISKY = [
  '(a+)+$',
  '(\\w+\\s?)+$',
  '(a|aa)*b',
  '(a|ab)+c',
  '(.*a){10}',
  '^(\\d+)*x',
  '(?:x(?:a+)+y)',
  '([\\u4e00-\\u9fff]+，?)+。',
  '((ab)*)+c',
];
const SAFE = [
  '(?:[\\u4e00-\\u9fff][(（][a-zA-Z]{1,6}[)）]){3,}',
  '(?:锟斤拷|烫烫烫|屯屯屯|\\ufffd{2,})',
  '(?:[\\u00c0-\\u00ff][\\u0080-\\u00bf]){3,}',
  '(?:收到|受理|新收)(?:各类|各类政府信息公开|政府信息公开|依申请公开)?申请(?:共|合计|总计)?(?<n>\\d+)件',
  '^\\d{6}$',
  '(a+b)+',
  '(?:\\d+,)*\\d+',
  '[a-z]+(?:-[a-z]+)*',
  '(ab|cd)*',
  // 件 separates the repetitions: linear.
  '(?<n>\\d+)(?:件\\d*)+$',
];

describe('backtrackingRisk', () => {
  it.each(RISKY)('flags %s', (pattern) => {
    expect(() => new RegExp(pattern, 'u')).not.toThrow();
    expect(backtrackingRisk(pattern)).toBeTypeOf('string');
  });

  it.each(SAFE)('accepts %s', (pattern) => {
    expect(backtrackingRisk(pattern)).toBeUndefined();
  });

  it('accepts every pattern of the edition rule files', () => {
    const patterns = EDITIONS.flatMap((edition) =>
      rulesFor(edition).rules.flatMap((rule) =>
        rule.checks.flatMap((check) =>
          check.type === 'pattern'
            ? [check.pattern]
            : check.type === 'statedCount'
              ? check.patterns
              : check.type === 'forbiddenText'
                ? (check.patterns ?? []).map((item) => item.pattern)
                : [],
        ),
      ),
    );
    expect(patterns.length).toBeGreaterThan(10);
    for (const pattern of patterns) expect(backtrackingRisk(pattern), pattern).toBeUndefined();
  });
});

describe('checkRuleSet refuses a rule file with a risky pattern', () => {
  it('as an error finding at the pattern, in every place a pattern can be', () => {
    const rule = (checks: unknown[]) => ({
      id: 'G-1',
      severity: 'warning',
      title: { zh: '标题', en: 'Title' },
      message: { zh: '消息', en: 'Message' },
      checks,
    });
    const findings = checkRuleSet({
      rules: [
        rule([{ type: 'pattern', at: '/metadata/agency/name', pattern: '^(\\w+\\s?)+$' }]),
        rule([
          {
            type: 'statedCount',
            at: ['/preface'],
            equals: ['/sections/applications/table/newApplications/total'],
            patterns: ['申请(?<n>\\d+)件', '(?:申请(?<n>\\d+)+)+件'],
          },
        ]),
        rule([
          {
            type: 'forbiddenText',
            at: ['/preface'],
            patterns: [{ pattern: '(a|aa)*b', label: { zh: '乱码', en: 'garbage' } }],
          },
        ]),
      ].map((item, i) => ({ ...item, id: `G-${i}` })),
    });
    expectWellFormed(findings);
    expect(findings.map((finding) => [finding.pointer, finding.severity])).toEqual([
      ['/rules/0/checks/0/pattern', 'error'],
      ['/rules/1/checks/0/patterns/1', 'error'],
      ['/rules/2/checks/0/patterns/0/pattern', 'error'],
    ]);
    expect(findings[0]!.message.en).toContain('backtrack catastrophically');
    expect(findings[0]!.message.zh).toContain('灾难性回溯');
    expect(findings[0]!.actual).toBe('^(\\w+\\s?)+$');
  });

  it('and accepts the edition rule files', () => {
    for (const edition of EDITIONS) expect(checkRuleSet(rulesFor(edition))).toEqual([]);
  });
});
