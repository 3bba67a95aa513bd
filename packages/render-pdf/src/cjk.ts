/**
 * Line breaking for Chinese text in react-pdf. Its textkit breaks lines only between the "syllables" a
 * hyphenation callback returns, and inserts a hyphen when it breaks between two syllables of one word;
 * CJK text has no spaces, so a paragraph is one long "word". The callback below returns the break
 * units of the text with an empty string between them: an empty syllable becomes a zero-width glue,
 * a break point where no hyphen is drawn.
 *
 * Units follow 避头尾 (GB/T 15834 / JIS X 4051 kinsoku): a closing mark never starts a line (it joins
 * the unit before it), an opening mark never ends a line (it joins the unit after it), and runs of Latin
 * letters and digits (2020, 0566-5259107, 59237.2449) are never split.
 */

/** Never at the start of a line. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉］｝〗〙”’…‥—～·・％‰℃', ...',.;:?!)]}%']);
/** Never at the end of a line. */
const NO_LINE_END = new Set([...'（《「『【〔〈［｛〖〘“‘', ...'([{']);
const LATIN = /[A-Za-z0-9]/;
/** Inside a Latin/digit run: keeps numbers, codes and URLs whole. */
const LATIN_INNER = /[A-Za-z0-9.,:/@_%+\-#=&?~]/;
/**
 * Letters of scripts written in words (Mongolian, Uyghur) or syllables (Tibetan): a word is one unit,
 * so that a line never breaks inside it (the joining forms and stacks are shaped per word); a Tibetan
 * syllable ends with its tsheg ་ (U+0F0B), where a line may break.
 */
const WORD_SCRIPT = /[\p{Script=Tibetan}\p{Script=Mongolian}\p{Script=Arabic}]/u;
const MARK = /\p{M}/u;
const TSHEG = '\u0f0b';

/** A run longer than this may break anywhere (a very long URL must still fit the line). */
const MAX_RUN = 24;

function units(text: string): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (LATIN.test(c)) {
      let j = i + 1;
      while (j < chars.length && j - i < MAX_RUN && LATIN_INNER.test(chars[j]!)) j++;
      // A run does not end on a joiner such as '-' or '.': give it back to the following text.
      while (j - 1 > i && !LATIN.test(chars[j - 1]!) && !NO_LINE_START.has(chars[j - 1]!)) j--;
      out.push(chars.slice(i, j).join(''));
      i = j;
    } else if (WORD_SCRIPT.test(c)) {
      let j = i + 1;
      while (j < chars.length && chars[j - 1] !== TSHEG && (WORD_SCRIPT.test(chars[j]!) || MARK.test(chars[j]!))) j++;
      out.push(chars.slice(i, j).join(''));
      i = j;
    } else if ((c === '—' || c === '…') && chars[i + 1] === c) {
      out.push(c + c); // —— and …… are one mark
      i += 2;
    } else {
      out.push(c);
      i += 1;
    }
  }
  return out;
}

/** Break units of one word (a stretch of text without spaces), in order; joined, they give the word back. */
export function cjkBreakUnits(word: string): string[] {
  const pieces: string[] = [];
  let glueNext = false;
  for (const unit of units(word)) {
    const first = Array.from(unit)[0]!;
    if (pieces.length > 0 && (glueNext || NO_LINE_START.has(first))) {
      pieces[pieces.length - 1] += unit;
    } else {
      pieces.push(unit);
    }
    const last = Array.from(unit).pop()!;
    glueNext = NO_LINE_END.has(last);
  }
  return pieces;
}

/** The hyphenation callback for react-pdf `Text` nodes: break units separated by empty syllables. */
export function cjkHyphenation(word: string): string[] {
  const pieces = cjkBreakUnits(word);
  if (pieces.length <= 1) return pieces;
  const out: string[] = [];
  pieces.forEach((piece, index) => {
    if (index > 0) out.push('');
    out.push(piece);
  });
  return out;
}
