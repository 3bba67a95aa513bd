/**
 * Hostile input in a report or a rule file: addresses that are not http(s) or not e-mail addresses,
 * invisible characters that would pass silently into report.json, and an expression that matches all.
 */
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@nianbao/template';
import { checkRuleSet } from '../src/index.js';
import { doc } from './checks/run.js';
import { validate } from './helpers.js';

const of = (document: unknown, id: string) => validate(document).findings.filter((f) => f.ruleId === id);

describe('metadata addresses', () => {
  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(document.cookie)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['ftp://example.org/'],
    ['//evil.example/'],
    ['www.example.gov.cn'],
    ['https://'],
    ['https://exa mple.org/'],
  ])('%s as the report’s web address is an error (M-URL)', (url) => {
    const report = doc();
    report.metadata.electronicVersion = { location: '本机关门户网站', url };
    const result = validate(report);
    expect(of(report, 'M-URL')).toEqual([
      expect.objectContaining({ severity: 'error', pointer: '/metadata/electronicVersion/url', actual: url }),
    ]);
    expect(result.valid).toBe(false);
  });
  it.each([['https://www.example.gov.cn/xxgk/ndbg/'], ['http://example.org'], ['HTTPS://example.org:8443/a?b=1#c']])(
    '%s is accepted',
    (url) => {
      const report = doc();
      report.metadata.electronicVersion = { location: '本机关门户网站', url };
      expect(of(report, 'M-URL')).toEqual([]);
    },
  );
  it.each([
    ['gongkai'],
    ['gongkai@'],
    ['@example.org'],
    ['a@b'],
    ['a b@example.org'],
    ['a@example..org'],
    ['a@@example.org'],
  ])('the e-mail address %s is an error (M-EMAIL)', (email) => {
    const report = doc();
    report.metadata.contact = { ...report.metadata.contact, email };
    expect(of(report, 'M-EMAIL')).toEqual([
      expect.objectContaining({ severity: 'error', pointer: '/metadata/contact/email', actual: email }),
    ]);
  });
  it.each([['gongkai@example.org'], ['xxgk.office@sh.gov.cn'], ['a+b@mail.example-city.gov.cn']])(
    '%s is accepted',
    (email) => {
      const report = doc();
      report.metadata.contact = { ...report.metadata.contact, email };
      expect(of(report, 'M-EMAIL')).toEqual([]);
    },
  );
});

describe('invisible characters in text', () => {
  it('NUL and other control characters are errors (I-CONTROL), in metadata too', () => {
    const report = doc();
    report.preface.paragraphs[0] = `开头\u0000结尾`;
    report.metadata.agency.name = `某某局\u001B[31m`;
    const found = of(report, 'I-CONTROL');
    expect(found.map((f) => [f.pointer, f.actual, f.severity])).toEqual([
      ['/metadata/agency/name', 'U+001B', 'error'],
      ['/preface/paragraphs/0', 'U+0000', 'error'],
    ]);
    expect(found[1]!.message.zh).toContain('U+0000');
  });
  it('tabs and line breaks are not control characters here', () => {
    const report = doc();
    report.preface.paragraphs[0] = '第一行\n第二行\t续';
    expect(of(report, 'I-CONTROL')).toEqual([]);
  });
  it('a lone surrogate is an error (I-SURROGATE); a character outside the BMP is not', () => {
    const report = doc();
    report.preface.paragraphs[0] = '𠮷字';
    expect(of(report, 'I-SURROGATE')).toEqual([]);
    report.preface.paragraphs[0] = '断\uDC00开';
    expect(of(report, 'I-SURROGATE')).toEqual([expect.objectContaining({ actual: 'U+DC00', severity: 'error' })]);
  });
  it('bidi overrides and isolates are warnings (I-BIDI)', () => {
    const report = doc();
    report.sections.otherMatters.paragraphs = ['收费\u202E0001\u202C元', '\u2067x\u2069'];
    expect(of(report, 'I-BIDI').map((f) => f.actual)).toEqual(['U+202E U+202C', 'U+2067 U+2069']);
  });
});

describe('both editions', () => {
  it.each([['2019'], ['2021']] as const)('edition %s finds each kind', (edition) => {
    const report = doc(edition);
    report.metadata.electronicVersion = { location: '门户网站', url: 'javascript:void(0)' };
    report.metadata.contact = { ...report.metadata.contact, email: 'not-an-address' };
    report.preface.paragraphs = ['a\u0000', 'b\uD800', 'c\u202E'];
    const ids = new Set(validate(report).findings.map((f) => f.ruleId));
    for (const id of ['M-URL', 'M-EMAIL', 'I-CONTROL', 'I-SURROGATE', 'I-BIDI']) expect(ids.has(id), id).toBe(true);
  });
});

describe('rule files', () => {
  const rules = (check: Record<string, unknown>): RuleSet =>
    ({
      rules: [
        {
          id: 'LOCAL',
          severity: 'warning',
          title: { zh: 't', en: 't' },
          message: { zh: 'm', en: 'm' },
          checks: [check],
        },
      ],
    }) as unknown as RuleSet;
  it('an empty regular expression is refused, where it would match everything or check nothing', () => {
    for (const check of [
      { type: 'pattern', at: '/metadata/agency/name', pattern: '' },
      { type: 'forbiddenText', at: ['/preface'], patterns: [{ pattern: '', label: { zh: 'x', en: 'x' } }] },
      { type: 'statedCount', at: ['/preface'], patterns: [''], equals: [1] },
    ]) {
      const found = checkRuleSet(rules(check));
      expect(
        found.some((f) => /empty/.test(f.message.en)),
        JSON.stringify(check),
      ).toBe(true);
    }
  });
  it('a forbidden pattern that matches the empty text is refused (it would flag every text)', () => {
    const found = checkRuleSet(
      rules({ type: 'forbiddenText', at: ['/preface'], patterns: [{ pattern: 'x*', label: { zh: 'x', en: 'x' } }] }),
    );
    expect(found).toEqual([expect.objectContaining({ pointer: '/rules/0/checks/0/patterns/0/pattern', actual: 'x*' })]);
  });
});
