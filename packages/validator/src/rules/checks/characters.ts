/**
 * characters: no text below the pointers has a character of the rule's class (control characters, lone
 * surrogates, bidi overrides: invisible in an editor, they break the JSON, HTML and PDF a report becomes,
 * or make text read differently from what it says). One finding per text, naming the code points.
 */
import type { CharactersCheck } from '@nianbao/template';
import { candidates, unionOf } from '../prefilter.js';
import { NO_RAWS, type Evaluator, type Raw } from '../raw.js';
import { allMatches, regex } from '../regex.js';
import { texts } from '../texts.js';

const codePoint = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

const patternOf = (check: CharactersCheck): readonly string[] => [check.pattern];

export const characters: Evaluator<CharactersCheck> = (check, scope) => {
  const found = texts(check.at, scope);
  const compiled = regex(check.pattern, 'g');
  if (!found || !compiled) return NO_RAWS;
  const raws: Raw[] = [];
  // The rule sets check every text for several classes: one expression for all of them rules most texts out.
  for (const { text, pointer } of candidates(found, unionOf(scope.ruleSet, 'characters', patternOf))) {
    const matches = allMatches(compiled, text);
    if (matches.length === 0) continue;
    // The characters themselves would carry the problem into the message: their code points instead.
    const names = [...new Set(matches.map((match) => codePoint(match[0])))];
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
    const position = matches[0]!.index ?? 0;
    raws.push({
      pointer,
      actual: names.join(' '),
      expected: position,
      vars: { word: shown, value: shown, actual: shown, expected: String(position + 1), label: check.label },
    });
  }
  return raws;
};
