/**
 * statedCount: each number the text states in a matching sentence (named group `n`) equals Σ `equals`
 * of the tables; one finding per stated number that differs. The number is read as reports write it
 * (numbers.ts): digits with spaces or separators, full-width digits, Chinese numerals.
 */
import type { StatedCountCheck } from '@nianbao/template';
import { compareDecimals, type Decimal, fromDecimal } from '../decimal.js';
import { candidates, unionOf } from '../prefilter.js';
import { NO_RAWS, notAssessable, type Evaluator, type Raw } from '../raw.js';
import { allMatches, regex } from '../regex.js';
import { type Scope, sum, type Total, totalOf } from '../scope.js';
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

/** The tables' total a stated number must equal; undefined when a term cannot be read. */
function tablesTotal(check: StatedCountCheck, scope: Scope): { total: Total; exact: Decimal } | undefined {
  const total = sum(check.equals, scope);
  return total.missing ? undefined : { total, exact: totalOf(total) };
}

export const statedCount: Evaluator<StatedCountCheck> = (check, scope) => {
  const found = texts(check.at, scope);
  if (!found) return NO_RAWS;
  // Most texts state no count: one expression for every statement of the rule set rules them out.
  const stating = candidates(found, unionOf(scope.ruleSet, 'statedCount', patternsOf));
  // Summed at the first number the texts state: most of a rule set's statements are in no text.
  let tables: { total: Total; exact: Decimal } | undefined;
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
        tables ??= tablesTotal(check, scope);
        if (!tables) return NO_RAWS;
        if (tables.total.nulls.length > 0) return [notAssessable(pointer, tables.total.nulls)];
        if (compareDecimals({ units: number, scale: 0 }, tables.exact) === 0) continue;
        const expected = fromDecimal(tables.exact);
        raws.push({
          pointer,
          expected,
          actual: Number(number),
          vars: { expected: String(expected), actual: stated.trim(), value: match[0].trim(), word: match[0].trim() },
        });
      }
    }
  }
  return raws;
};
