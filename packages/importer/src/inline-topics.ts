/**
 * Sub-topic headings written inline in text that lost its paragraph breaks (a crawler's copy of a page:
 * "…提供有力保障。 （一）主动公开方面 平潭综合实验区…"). The text is cut before each heading so that the
 * heading and its text become lines of their own, which the narrative then places under their topics.
 *
 * Conservative, since a cut in the wrong place moves a sentence into another topic: a heading is only
 * （一）…（n） numbered in sequence from （一）, standing at the start of the text or right after a
 * sentence end (。！？；), followed by more text, and its words are either a topic heading's usual form
 * (…方面 / …情况, short, no punctuation inside) or, up to an end mark (。：), the name of one of the
 * section's official sub-topics. A （二） inside a sentence, or a numbered list item (（一）继续强化信息公开
 * 责任。…), is left as it is.
 */
import { topicScore } from './narrative.js';
import { chineseNumber, key, MATCH } from './text.js';

/** A piece of the text: a heading (without its end mark) or the text that follows it, with its offset. */
export interface TextPiece {
  text: string;
  offset: number;
  heading: boolean;
}

interface InlineHeading {
  ordinal: number;
  /** Where the numbering starts and the text after the heading (and its end mark) starts. */
  start: number;
  restStart: number;
  /** The heading as published: numbering and words, without the end mark. */
  text: string;
}

/** Longest heading words: official topic headings are short (信息公开平台建设方面 is 10). */
const MAX_WORDS = 20;
const NUMBERING = /[(（]\s*([一二三四五六七八九十]{1,2})\s*[)）]\s*/gu;
const SENTENCE_END = /[。！？；!?;]\s*$/u;
/** A heading's words hold no punctuation: a comma or a quote means a sentence. */
const WORD = /^[^\s\p{P}\p{S}]$/u;

/** The heading words after a numbering at `from`: …方面/…情况 (the shortest), or a topic name up to 。/：. */
function headingWords(
  text: string,
  from: number,
  topics: { key: string; labelKey: string }[],
): { words: string; restStart: number } | undefined {
  const chars = [...text.slice(from, from + MAX_WORDS * 2 + 2)];
  let words = '';
  for (let count = 0; count < Math.min(chars.length, MAX_WORDS + 1); count++) {
    const char = chars[count]!;
    if (!WORD.test(char)) {
      // An end mark closes a heading that names an official sub-topic.
      const named = topics.some((topic) => topicScore(key(words), topic) >= MATCH);
      if (/[。：:]/.test(char) && words.length > 0 && named)
        return { words, restStart: from + words.length + char.length };
      break;
    }
    words += char;
    if (/(方面|情况)$/.test(words)) return { words, restStart: from + words.length };
  }
  return undefined;
}

/** Every candidate heading in the text (any ordinal), in order. */
function candidates(text: string, topics: { key: string; labelKey: string }[]): InlineHeading[] {
  const found: InlineHeading[] = [];
  for (const match of text.matchAll(NUMBERING)) {
    const start = match.index;
    if (start > 0 && !SENTENCE_END.test(text.slice(Math.max(0, start - 8), start))) continue;
    const ordinal = chineseNumber(match[1]!);
    if (ordinal === undefined) continue;
    const words = headingWords(text, start + match[0].length, topics);
    if (!words) continue;
    let restStart = words.restStart;
    while (restStart < text.length && /[\s。：:]/.test(text[restStart]!)) restStart++;
    // A heading is followed by its text: a bare heading at the end is not cut out.
    if (restStart >= text.length) continue;
    found.push({ ordinal, start, restStart, text: text.slice(start, start + match[0].length) + words.words });
  }
  return found;
}

/** The headings numbered （一）, （二）, … in sequence: a stray （三） without （一）（二） before it is no heading. */
function inSequence(found: InlineHeading[]): InlineHeading[] {
  const sequence: InlineHeading[] = [];
  for (const heading of found) {
    if (heading.ordinal === sequence.length + 1) sequence.push(heading);
  }
  return sequence;
}

/**
 * Cuts `text` (starting at `offset` in its line) at its inline sub-topic headings: the text before the
 * first heading, then each heading and its text. Without such headings, the text as one piece.
 */
export function splitAtTopicHeadings(
  text: string,
  offset: number,
  topics: { key: string; labelKey: string }[],
): TextPiece[] {
  const headings = topics.length === 0 ? [] : inSequence(candidates(text, topics));
  const pieces: TextPiece[] = [];
  const add = (start: number, end: number, heading: boolean) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed === '') return;
    pieces.push({ text: trimmed, offset: offset + start + (raw.length - raw.trimStart().length), heading });
  };
  let cursor = 0;
  for (const heading of headings) {
    add(cursor, heading.start, false);
    add(heading.start, heading.start + heading.text.length, true);
    cursor = heading.restStart;
  }
  add(cursor, text.length, false);
  return pieces;
}
