/**
 * 五、存在的主要问题及改进情况 written without its two sub-headings: the problems, then a paragraph that
 * opens the improvements with the words reports use for it (2023年，我区将采取以下措施加以改进 / 下一步整改措施 /
 * 针对上述问题，…). Such a section is split there: the paragraphs before are the problems, the rest the
 * improvements. Only when nothing else places them (no sub-heading at all), the first paragraph speaks of
 * problems (问题 / 不足 / …) and the opening is at a paragraph's or sentence's start, never inside one.
 */
import type { Paragraph, TopicResult } from './narrative.js';

/** The improvements' opening: [year,] [who] 将/下一步 … 改进/整改/措施 (before the sentence ends), or 针对上述问题. */
const OPENS_IMPROVEMENTS = new RegExp(
  [
    '^(?:\\d{4}\\s*年度?[，,]?\\s*)?',
    '(?:(?:我区|我县|我市|我们|我委|我局|我办|我厅|本机关|本单位|全区|全县|全市)\\s*)?',
    '(?:(?:将|下一步|下步)[^。！？；：:]{0,30}?(?:改进|整改|措施)|针对(?:上述|以上|存在的)问题)',
  ].join(''),
  'u',
);
const SPEAKS_OF_PROBLEMS = /问题|不足|短板|差距|薄弱/u;
const SENTENCE_START = /(?<=[。！？；!?;])\s*/gu;

export function opensImprovements(text: string): boolean {
  return OPENS_IMPROVEMENTS.test(text.trim());
}

/**
 * Where run-together text of 五 (its paragraph breaks lost) turns from the problems to the improvements:
 * the start of the first sentence, after the first, that opens them; undefined when none does or the text
 * before it does not speak of problems.
 */
export function improvementsStart(text: string): number | undefined {
  for (const match of text.matchAll(SENTENCE_START)) {
    const start = match.index + match[0].length;
    if (start >= text.length) break;
    if (!opensImprovements(text.slice(start))) continue;
    return SPEAKS_OF_PROBLEMS.test(text.slice(0, start)) ? start : undefined;
  }
  return undefined;
}

/**
 * A 五 whose paragraphs found no sub-heading: problems up to the paragraph that opens the improvements,
 * improvements from it (in place, in `result`); nothing changes when no paragraph after the first does.
 */
export function splitUnheadedFive(result: TopicResult): void {
  if (result.topics.size > 0) return;
  const paragraphs = result.introduction;
  const at = paragraphs.findIndex((paragraph, index) => index > 0 && opensImprovements(paragraph.text));
  if (at < 1 || !SPEAKS_OF_PROBLEMS.test(paragraphs[0]!.text)) return;
  const topic = (part: Paragraph[]) => ({ paragraphs: part, from: part[0]!.from, byNumber: false });
  result.topics.set('problems', topic(paragraphs.slice(0, at)));
  result.topics.set('improvements', topic(paragraphs.slice(at)));
  result.introduction = [];
}
