/**
 * statedCount: each number the text states in a matching sentence (named group `n`) equals Σ `equals`
 * of the tables; one finding per stated number that differs. The number is read as reports write it
 * (numbers.ts): digits with spaces or separators, full-width digits, Chinese numerals. With
 * `totalsFromParts`, a 总计 left blank is read from its row's other cells (../parts.ts).
 */
import type { StatedCountCheck } from '@nianbao/template';
import { compareDecimals, type Decimal, fromDecimal } from '../decimal.js';
import { candidates, unionOf } from '../prefilter.js';
import { boundWithParts } from '../parts.js';
import { NO_RAWS, notAssessable, type Evaluator, type Raw } from '../raw.js';
import { allMatches, regex } from '../regex.js';
import { type NullCell, type Scope, sum, totalOf } from '../scope.js';
import { texts } from '../texts.js';
import { readWrittenNumber as readNumber } from '@nianbao/template';

const patternsOf = (check: StatedCountCheck): readonly string[] => check.patterns;

function groupStart(match: RegExpExecArray, stated: string, pattern: string, text: string): number | undefined {
  const offset = match[0].indexOf(stated);
  if (offset === match[0].lastIndexOf(stated)) return match.index + offset;
  const sticky = regex(pattern, 'yd');
  if (!sticky) return undefined;
  sticky.lastIndex = match.index;
  return sticky.exec(text)?.indices?.groups?.n?.[0];
}

/**
 * What the tables give for a stated number: the number itself, or with cells not reported the least it
 * can be (blank totals read from their parts) or nothing to compare with. Undefined when a term cannot
 * be read.
 */
type TablesGive = { exact: Decimal } | { least?: number; nulls: readonly NullCell[] };

const subtracts = (check: StatedCountCheck) => check.equals.some((term) => String(term).startsWith('-'));

function tablesGive(check: StatedCountCheck, scope: Scope): TablesGive | undefined {
  const total = sum(check.equals, scope);
  if (total.missing) return undefined;
  if (total.nulls.length === 0) return { exact: totalOf(total) };
  // A least value holds only for counts added up (no amounts, nothing subtracted).
  const countsAdded = check.totalsFromParts === true && total.big === undefined && !subtracts(check);
  const bound = countsAdded ? boundWithParts(total.small, total.nulls, scope) : undefined;
  if (!bound) return { nulls: total.nulls };
  if (bound.exact) return { exact: { units: BigInt(bound.least), scale: 0 } };
  return { least: bound.least, nulls: total.nulls };
}

/** A stated number against what the tables give: agrees, contradicts (with the expected text), or cannot tell. */
function judge(number: bigint, tables: TablesGive): 'agrees' | 'unknown' | { expected: number | string } {
  if ('exact' in tables)
    return compareDecimals({ units: number, scale: 0 }, tables.exact) === 0
      ? 'agrees'
      : { expected: fromDecimal(tables.exact) };
  if (tables.least !== undefined && number < BigInt(tables.least)) return { expected: `≥${tables.least}` };
  return 'unknown';
}

const atLeast = (expected: number | string) =>
  typeof expected === 'string'
    ? { zh: `至少${expected.slice(1)}`, en: `at least ${expected.slice(1)}` }
    : String(expected);

export const statedCount: Evaluator<StatedCountCheck> = (check, scope) => {
  const found = texts(check.at, scope);
  if (!found) return NO_RAWS;
  // Most texts state no count: one expression for every statement of the rule set rules them out.
  const stating = candidates(found, unionOf(scope.ruleSet, 'statedCount', patternsOf));
  // Summed at the first number the texts state: most of a rule set's statements are in no text.
  let tables: TablesGive | undefined;
  let unknown: Raw | undefined;
  const raws: Raw[] = [];
  // Two patterns often match the same statement: each stated number (its place in its text) counts once.
  const seen = new Set<string>();
  for (const { text, pointer } of stating) {
    for (const pattern of check.patterns) {
      // Without the d flag (indices slow every match down): a group's start is read with indices only
      // when its text occurs twice in the match, from a sticky copy at the match's position.
      const compiled = regex(pattern, 'g');
      if (!compiled) continue;
      for (const match of allMatches(compiled, text)) {
        const stated = match.groups?.n;
        const number = stated === undefined ? undefined : readNumber(stated);
        if (stated === undefined || number === undefined) continue;
        const start = groupStart(match, stated, pattern, text);
        const key = `${pointer}#${start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        tables ??= tablesGive(check, scope);
        if (!tables) return NO_RAWS;
        const verdict = judge(number, tables);
        if (verdict === 'agrees') continue;
        if (verdict === 'unknown') {
          unknown ??= notAssessable(pointer, 'nulls' in tables ? tables.nulls : []);
          continue;
        }
        raws.push({
          pointer,
          expected: verdict.expected,
          actual: Number(number),
          vars: {
            expected: atLeast(verdict.expected),
            actual: stated.trim(),
            value: match[0].trim(),
            word: match[0].trim(),
          },
        });
      }
    }
  }
  // A statement the blank cells leave open says so only when no statement is found wrong.
  return raws.length === 0 && unknown ? [unknown] : raws;
};
