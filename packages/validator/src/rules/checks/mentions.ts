/** mentions: some text below the pointers contains one of the words (Latin letters in any case). */
import type { MentionsCheck } from '@nianbao/template';
import { both } from '../../text.js';
import { NO_RAWS, type Evaluator } from '../raw.js';
import { firstPresent, foldLatin, texts } from '../texts.js';

export const mentions: Evaluator<MentionsCheck> = (check, scope) => {
  const found = texts(check.at, scope);
  if (!found) return NO_RAWS;
  const words = check.anyOf.map(foldLatin);
  const mentioned = found.some(({ text }) => {
    const folded = foldLatin(text);
    return words.some((word) => folded.includes(word));
  });
  if (mentioned) return NO_RAWS;
  const word = both(check.anyOf.join('、'), check.anyOf.join(', '));
  return [{ pointer: firstPresent(check.at, scope), vars: { word } }];
};
