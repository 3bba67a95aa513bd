/**
 * The text rules' quick verdict (src/rules/text-scan.ts) skips an expression on a text that lacks a
 * character of one of its necessary sets: those sets must hold for every match. The findings themselves
 * are compared with the previous engine in engine-differential.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EDITIONS, rulesFor, schemaFor } from '@nianbao/template';
import { validReport } from '@nianbao/fixtures';
import { necessarySets } from '../src/regex-safety.js';
import { ANY_SHAPE, scanValue, scannerOf, shapeAt } from '../src/rules/text-scan.js';
import { validateReport } from '../src/index.js';

const rulePatterns = EDITIONS.flatMap((edition) =>
  rulesFor(edition).rules.flatMap((rule) =>
    rule.checks.flatMap((check) =>
      check.type === 'statedCount'
        ? check.patterns
        : check.type === 'forbiddenText'
          ? (check.patterns ?? []).map(({ pattern }) => pattern)
          : check.type === 'pattern'
            ? [check.pattern]
            : [],
    ),
  ),
);
const PATTERNS = [
  ...new Set(rulePatterns),
  '[\\b]x',
  'a|b',
  '(?:ab)+c?',
  '\\d{2,}件',
  '(?=x)y',
  '[^a]b',
  '\\u{1F600}+|z',
  '😀',
  'x(?:|y)',
  '(?<n>\\d+)(?:件|起)',
  '[a-c\\d]{0}q',
  '\\bword\\b',
];

const inSet = (set: [number, number][], point: number) => set.some(([lo, hi]) => lo <= point && point <= hi);

describe('necessarySets', () => {
  it('names the sets of the built-in spam expressions', () => {
    const point = (char: string) => [char.codePointAt(0)!, char.codePointAt(0)!];
    expect(necessarySets('(?:锟斤拷|烫烫烫|屯屯屯|\\ufffd{2,})')).toEqual([
      [point('锟'), point('烫'), point('屯'), [0xfffd, 0xfffd]],
    ]);
    expect(necessarySets('(?:[\\u4e00-\\u9fff][(（][a-zA-Z]{1,6}[)）]){3,}')).toEqual([
      [
        [0x28, 0x28],
        [0xff08, 0xff08],
      ],
      [
        [0x29, 0x29],
        [0xff09, 0xff09],
      ],
      [
        [0x61, 0x7a],
        [0x41, 0x5a],
      ], // a-z, A-Z as written
    ]);
    // Backspace in a class, not a word boundary.
    expect(necessarySets('[\\b]')).toEqual([[[8, 8]]]);
    // An alternative that needs nothing: no set.
    expect(necessarySets('x(?:|y)')).toEqual([[[0x78, 0x78]]]);
    expect(necessarySets('a|b?')).toEqual([]);
  });

  it.each(PATTERNS)('every match of %s has a character of each set', (pattern) => {
    const regex = new RegExp(pattern, 'gu');
    const sets = necessarySets(pattern);
    // Texts over the pattern's own characters and some others, so that matches are frequent.
    const alphabet = [
      ...new Set([
        ...pattern.replace(/\\u\{?([0-9a-fA-F]+)\}?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))),
      ]),
      'a',
      'Z',
      '1',
      '9',
      '件',
      '\b',
      '😀',
      '（',
      '）',
      '中',
    ];
    let matches = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        for (const match of chars.join('').matchAll(regex)) {
          if (match[0] === '') continue;
          matches++;
          const points = [...match[0]].map((char) => char.codePointAt(0)!);
          for (const set of sets)
            expect(
              points.some((point) => inSet(set, point)),
              `${JSON.stringify(match[0])} and ${JSON.stringify(set)}`,
            ).toBe(true);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(matches).toBeGreaterThanOrEqual(0);
  });
});

describe('scanner', () => {
  const regex = (pattern: string, flags = '') => new RegExp(pattern, `u${flags}`);

  it('finds disguised words and matching expressions in a text; nothing in clean text', () => {
    const ruleSet = rulesFor('2021');
    const scanner = scannerOf(ruleSet, regex);
    const spam = ruleSet.rules.find((rule) => rule.id === 'I-SPAM')!.checks[0]!;
    const plan = scanner.checks.get(spam)!;
    const bits = (text: string) =>
      scanValue(scanner, text, ANY_SHAPE, { seen: new Map(), stated: [], hits: new Map() });
    expect(bits('本机关全年主动公开政府信息1234条。') & plan.bits).toBe(0);
    for (const text of ['足\u200B球比分', 'ＢＥＴ３６５', 'xx Av在线', '中(zhong)国(guo)人(ren)', '锟斤拷', 'Ã©Ã©Ã©'])
      expect(bits(text) & plan.bits, text).not.toBe(0);
  });

  it('reaches the texts of a conforming report through the schema, not its tables', () => {
    for (const edition of EDITIONS) {
      const root = schemaFor(edition);
      // Tables hold numbers and (2019) amounts: no place below them may hold a word.
      expect(shapeAt(root, '/sections/applications/table').string).toBe(false);
      // Every string of a report is at a place whose shape may be a string.
      const report = validReport(edition, 3, { paragraphs: 3 });
      const walk = (value: unknown, pointer: string) => {
        if (typeof value === 'string') expect(shapeAt(root, pointer).string, pointer).toBe(true);
        else if (value !== null && typeof value === 'object')
          for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key}`);
      };
      walk(report, '');
      report.preface.paragraphs.push('本年度共收到政府信息公开申请99999件，澳门新葡京');
      const ids = validateReport(report).findings.map((finding) => finding.ruleId);
      expect(ids).toContain('I-SPAM');
      expect(ids).toContain('T-TEXT');
    }
  });
});
