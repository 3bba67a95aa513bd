/**
 * punctuation: half-width punctuation inside Chinese text (以来,我办 / (国务院令第711号)) is a finding
 * naming the full-width form (，（）：；). A mark counts when a Chinese character or Chinese punctuation
 * is next to it, so 9:30, 1,234 and (a) in Latin text pass.
 */
import type { PunctuationCheck } from '@nianbao/template';
import { both } from '../../text.js';
import { NO_RAWS, type Evaluator, type Raw } from '../raw.js';
import { allMatches } from '../regex.js';
import { texts } from '../texts.js';

const escapeChar = (char: string): string => char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
/** Chinese characters and CJK punctuation (《》“”、。 and the full-width forms). */
const CJK = '\\p{Script=Han}\\u3000-\\u303F\\u2018-\\u201D\\uFF01-\\uFF60';

const expressions = new WeakMap<Record<string, string>, RegExp | undefined>();
function expressionOf(fullWidth: Record<string, string>): RegExp | undefined {
  if (!expressions.has(fullWidth)) {
    const marks = Object.keys(fullWidth).filter((mark) => [...mark].length === 1);
    const set = `[${marks.map(escapeChar).join('')}]`;
    // A mark, then: Chinese before it (looking back over the mark itself) or after it. Starting with the
    // mark lets the search skip along to the next mark; a look-behind first would run at every character.
    const expression = `${set}(?:(?<=[${CJK}]${set})|(?=[${CJK}]))`;
    expressions.set(fullWidth, marks.length === 0 ? undefined : new RegExp(expression, 'gu'));
  }
  return expressions.get(fullWidth);
}

export const punctuation: Evaluator<PunctuationCheck> = (check, scope) => {
  const found = texts(check.at, scope);
  const expression = expressionOf(check.fullWidth);
  if (!found || !expression) return NO_RAWS;
  const raws: Raw[] = [];
  for (const { text, pointer } of found) {
    const marks = [...new Set(allMatches(expression, text).map((match) => match[0]))];
    if (marks.length === 0) continue;
    const zh = marks.map((mark) => `“${mark}”应为“${check.fullWidth[mark]}”`).join('、');
    const en = marks.map((mark) => `"${mark}" should be "${check.fullWidth[mark]}"`).join(', ');
    raws.push({ pointer, actual: marks.join(''), vars: { word: both(zh, en), value: marks.join('') } });
  }
  return raws;
};
