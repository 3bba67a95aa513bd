/**
 * The title's lines: broken between words, never inside one (…政府信息公 / 开工作年度报告 is wrong), and
 * balanced (lines of nearly equal length, as a 公文 title is set). Words come from Intl.Segmenter with
 * the zh locale (built into Node's ICU); punctuation and one-character suffixes stick to their word.
 */
import type { FontData } from './fonts.js';
import { textWidth } from './metrics.js';
import { breakLines } from './painter.js';

const OPENING = /^[（(《〈“‘「『【〔［]+$/;

/** Words of the text, each a unit no line break may split. */
export function titleWords(text: string): string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  let pendingOpen = '';
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    // A lone character after a word is nearly always its suffix (池州|市, 办公|室, 2020|年): kept with it.
    const suffix = isWordLike && [...segment].length === 1 && /\p{Script=Han}/u.test(segment);
    if (OPENING.test(segment)) pendingOpen += segment;
    else if ((!isWordLike || suffix) && words.length > 0 && !pendingOpen) words[words.length - 1] += segment;
    else {
      words.push(pendingOpen + segment);
      pendingOpen = '';
    }
  }
  if (pendingOpen) words.push(pendingOpen);
  return words;
}

function greedy(font: FontData, size: number, words: readonly string[], width: number): string[] | undefined {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (textWidth(font, word, size) > width) return undefined;
    if (line !== '' && textWidth(font, line + word, size) > width + 0.01) {
      lines.push(line);
      line = '';
    }
    line += word;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Lines of at most `width`, broken between words, as balanced as the words allow: the fewest lines
 * the width needs, then the narrowest width that keeps that many (found by bisection). A word wider
 * than the line (a very long name) falls back to breaking between characters.
 */
export function balancedLines(font: FontData, size: number, text: string, width: number): string[] {
  const words = titleWords(text);
  const full = greedy(font, size, words, width);
  if (!full) return breakLines(font, size, text, width);
  if (full.length <= 1) return full;
  let low = Math.max(...words.map((word) => textWidth(font, word, size)));
  let high = width;
  let best = full;
  for (let i = 0; i < 20 && high - low > 0.5; i++) {
    const middle = (low + high) / 2;
    const lines = greedy(font, size, words, middle);
    if (lines && lines.length === full.length) {
      best = lines;
      high = middle;
    } else low = middle;
  }
  return best;
}
