/**
 * A paragraph of tens of thousands of characters without a space is one "word" to react-pdf's textkit,
 * which spreads all its syllables into one `push(...)` call: from about 65,000 CJK characters on, that
 * overflows the call stack ("Maximum call stack size exceeded"). Handing the text over in pieces (a
 * `Text` node's children become separate runs, hyphenated one by one) keeps every call small. Pieces
 * end only where a line may break anyway (between 避头尾 break units), so the layout is unchanged.
 */
import { cjkBreakUnits } from './cjk.js';

/** Texts up to this length are passed whole (every real paragraph): their output stays byte-identical. */
export const CHUNK = 8192;

export function textChunks(text: string): string | string[] {
  if (text.length <= CHUNK) return text;
  const chunks: string[] = [];
  let current = '';
  for (const unit of cjkBreakUnits(text)) {
    if (current.length >= CHUNK) {
      chunks.push(current);
      current = '';
    }
    current += unit;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}
