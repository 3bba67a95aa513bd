/**
 * The rule engine (src/rules/engine.ts, with its per-document accessor cache, precompiled expressions
 * and one-pass text prefilters) must give exactly the findings of the engine as it was before
 * (test/reference/engine.ts): same pointers, rule ids, severities, messages, expected/actual, order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EDITIONS, isEdition, rulesFor, schemaFor, type Edition, type RuleSet } from '@nianbao/template';
import { mutationArbitrary, reportArbitrary, validReport } from '@nianbao/fixtures';
import { structuralValidator } from '../src/index.js';
import { evaluateRuleSets } from '../src/rules/engine.js';
import { evaluateRuleSets as referenceEvaluate } from './reference/engine.js';

const SEED = 20_261_126;

/** Text that trips the text rules: disguised spam words, stated counts (right and wrong), mojibake, placeholders. */
const SNIPPETS = [
  '足球比分',
  'ＢＥＴ３６５',
  'b\u200Bet365',
  '百\u200D家\uFEFF乐',
  'Av在线',
  '365体育',
  '澳门新葡京',
  '本年度共收到政府信息公开申请12件',
  '收到各类政府信息公开申请0件',
  '共办结申请7件',
  '行政复议3件',
  '行政诉讼案件合计2起',
  '未收到政府信息公开申请',
  '锟斤拷锟斤拷',
  '\uFFFD\uFFFD',
  'Ã©Ã©Ã©',
  '中(zhong)国(guo)人(ren)',
  '无',
  '暂无',
  '2申请2件',
  '收到申请33件33',
  '，',
  '𠮷',
  'ｆｕｌｌ－ｗｉｄｔｈ',
  '\u00AD',
  '申请',
];

const sprinkled = (edition: Edition) =>
  fc
    .record({
      document: reportArbitrary(edition),
      inserts: fc.array(
        fc.record({ part: fc.nat(), paragraph: fc.nat(), snippet: fc.constantFrom(...SNIPPETS), at: fc.nat() }),
        { minLength: 1, maxLength: 6 },
      ),
    })
    .map(({ document, inserts }) => {
      const copy = structuredClone(document) as unknown as Record<string, any>;
      const parts = [
        copy.preface,
        copy.sections.overview,
        copy.sections.proactiveDisclosure,
        copy.sections.applications,
        copy.sections.reviewAndLitigation,
        copy.sections.problemsAndImprovements,
        copy.sections.otherMatters,
      ];
      for (const { part, paragraph, snippet, at } of inserts) {
        const target = parts[part % parts.length];
        if (!target || !Array.isArray(target.paragraphs)) continue;
        if (target.paragraphs.length === 0) target.paragraphs.push('');
        const i = paragraph % target.paragraphs.length;
        const text = String(target.paragraphs[i]);
        const cut = at % (text.length + 1);
        target.paragraphs[i] = text.slice(0, cut) + snippet + text.slice(cut);
      }
      return { document: copy as unknown, mutation: 'text' };
    });

function compare(
  edition: Edition,
  documents: readonly { document: unknown; mutation: string }[],
  extra: RuleSet[] = [],
) {
  const root = schemaFor(edition);
  let findings = 0;
  for (const [i, { document, mutation }] of documents.entries()) {
    const conforms = structuralValidator(edition)(document).length === 0;
    const previousValue = i % 3 === 0 ? documents[(i + 1) % documents.length]!.document : undefined;
    const previousEdition = (previousValue as { edition?: unknown } | null | undefined)?.edition;
    const previous =
      previousValue === undefined
        ? undefined
        : { value: previousValue, root: isEdition(previousEdition) ? schemaFor(previousEdition) : undefined };
    const ruleSets = [rulesFor(edition), ...extra];
    // Twice each: the second evaluation reads through the caches filled by the first.
    for (let round = 0; round < 2; round++) {
      const expected = referenceEvaluate(ruleSets, { value: document, root, conforms }, previous);
      const actual = evaluateRuleSets(ruleSets, { value: document, root, conforms }, previous);
      expect(actual, `${mutation} (round ${round})`).toEqual(expected);
      findings += actual.length;
    }
  }
  return findings;
}

describe.each(EDITIONS)('edition %s: the engine gives the reference findings', (edition) => {
  it('on valid, mutated and text-sprinkled documents', () => {
    const valid = fc
      .sample(reportArbitrary(edition), { numRuns: 150, seed: SEED })
      .map((document) => ({ document: document as unknown, mutation: 'none' }));
    const mutated = fc.sample(mutationArbitrary(edition), { numRuns: 300, seed: SEED + 1 });
    const texts = fc.sample(sprinkled(edition), { numRuns: 300, seed: SEED + 2 });
    const generated = Array.from({ length: 10 }, (_, i) => ({
      document: validReport(edition, 500 + i, { paragraphs: 1 + i }) as unknown,
      mutation: `validReport ${i}`,
    }));
    // Mixed order: the accessor cache must not carry one document's values into the next.
    const documents = [...valid, ...mutated, ...texts, ...generated].sort(
      (a, b) => (JSON.stringify(a).length % 7) - (JSON.stringify(b).length % 7),
    );
    expect(compare(edition, documents)).toBeGreaterThan(300);
  }, 120_000);

  it('with a rule file of its own (patterns, words, a pointer into text)', () => {
    const extra: RuleSet = {
      rules: [
        {
          id: 'G-OWN',
          severity: 'warning',
          title: { zh: '自定义', en: 'Own' },
          message: { zh: '{paragraph}：{word}（{label}）', en: '{paragraph}: {word} ({label})' },
          checks: [
            {
              type: 'forbiddenText',
              at: ['/sections/overview', '/sections/overview/paragraphs', '/preface'],
              words: ['申请', 'ＡＢＣ', ''],
              patterns: [{ pattern: '(\\d)\\1', label: { zh: '重复', en: 'repeated' } }],
            },
            {
              type: 'statedCount',
              at: ['/sections'],
              equals: ['/sections/applications/table/newApplications/total'],
              patterns: [
                '申请(?<n>\\d+)',
                '(?<n>\\d+)件',
                '(?<x>\\d)(?<n>\\d*)',
                '\\d申请(?<n>\\d+)件',
                '(?<n>\\d+)件\\k<n>',
              ],
            },
            { type: 'mentions', at: ['/sections/otherMatters', '/preface'], anyOf: ['ABC', '收费'] },
          ],
        },
      ],
    } as RuleSet;
    const documents = fc.sample(sprinkled(edition), { numRuns: 120, seed: SEED + 3 });
    expect(compare(edition, documents, [extra])).toBeGreaterThan(100);
  }, 120_000);

  it('with words found with and without invisible characters around astral ones, and expressions no text matches', () => {
    // A match's stretch as written: taken at the same offsets when the text has no invisible character,
    // mapped back over the dropped ones otherwise; expressions the scan never saw match are not run.
    const extra: RuleSet = {
      rules: [
        {
          id: 'G-ASTRAL',
          severity: 'warning',
          title: { zh: '生僻字', en: 'Astral' },
          message: { zh: '{paragraph}：“{word}”（{label}）', en: '{paragraph}: "{word}" ({label})' },
          checks: [
            {
              type: 'forbiddenText',
              at: ['/preface', '/sections'],
              words: ['𠮷申', '足球𠮷', 'ｂｅｔ', '澳门'],
              patterns: [
                { pattern: '永不出现的词', label: { zh: '无', en: 'none' } },
                { pattern: '(?:锟斤拷){9}', label: { zh: '无', en: 'none' } },
                { pattern: '[a-z]{3}', label: { zh: '字母', en: 'letters' } },
              ],
            },
          ],
        },
      ],
    } as RuleSet;
    const astral = ['𠮷申请', '足球𠮷', '足球\u200B𠮷', '\u200B𠮷申', 'BET', 'b\u200Be\u200Bt𠮷申'];
    const documents = fc.sample(sprinkled(edition), { numRuns: 120, seed: SEED + 4 }).map(({ document }, i) => {
      const copy = structuredClone(document) as Record<string, any>;
      if (Array.isArray(copy.preface?.paragraphs)) copy.preface.paragraphs.push(`前${astral[i % astral.length]}后`);
      return { document: copy as unknown, mutation: `astral ${i}` };
    });
    expect(compare(edition, documents, [extra])).toBeGreaterThan(100);
  }, 120_000);
});
