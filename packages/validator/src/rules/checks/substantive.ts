/** substantive: the texts below the pointers, together, are more than empty or a placeholder. */
import type { SubstantiveCheck } from '@nianbao/template';
import { clip } from '../../text.js';
import { NO_RAWS, type Evaluator } from '../raw.js';
import { firstPresent, texts } from '../texts.js';

/** Text without spaces, punctuation and symbols: what counts as meaningful characters. */
const meaningful = (text: string): string => text.replace(/[\s\p{P}\p{S}]/gu, '');

const MEANINGFUL = /[^\s\p{P}\p{S}]/gu;

/** Whether the texts have more meaningful characters than `needed` (counting stops there). */
function moreThan(found: readonly { text: string }[], needed: number): boolean {
  let count = 0;
  for (const { text } of found) {
    MEANINGFUL.lastIndex = 0;
    while (count <= needed && MEANINGFUL.exec(text) !== null) count++;
    if (count > needed) return true;
  }
  return false;
}

const longest = new WeakMap<readonly string[], number>();
/** The most meaningful characters a placeholder has (once per list). */
function longestPlaceholder(placeholders: readonly string[]): number {
  let length = longest.get(placeholders);
  if (length === undefined) {
    length = Math.max(0, ...placeholders.map((text) => [...meaningful(text)].length));
    longest.set(placeholders, length);
  }
  return length;
}

export const substantive: Evaluator<SubstantiveCheck> = (check, scope) => {
  const found = texts(check.at, scope);
  if (!found) return NO_RAWS;
  // Section 五 runs to thousands of characters: enough of them, more than any placeholder has, decides.
  if (moreThan(found, Math.max(check.minChars - 1, longestPlaceholder(check.placeholders)))) return NO_RAWS;
  const joined = found
    .map(({ text }) => text.trim())
    .filter(Boolean)
    .join(' ');
  const essence = meaningful(joined);
  const placeholder = check.placeholders.some((text) => meaningful(text) === essence);
  if ([...essence].length >= check.minChars && !placeholder) return NO_RAWS;
  return [
    { pointer: firstPresent(check.at, scope), actual: joined, vars: { actual: clip(joined), value: clip(joined) } },
  ];
};
