/**
 * Text normalisation for matching published labels and headings against the official ones. Published
 * pages vary in bracket and digit width, spacing, numbering style and punctuation, and contain typos, so
 * matching works on a "key": the text without numbering, spaces and punctuation.
 */
import { readWrittenNumber } from '@nianbao/template';

/** 一 → 1, 十二 → 12, 二十 → 20 (up to 99, enough for numbering); 一二 is not a number here. */
export function chineseNumber(text: string): number | undefined {
  const numbering =
    /^\d+$/.test(text) || /^(?:[〇零一二两三四五六七八九]|[一二两三四五六七八九]?十[一二三四五六七八九]?)$/.test(text);
  const value = numbering ? readWrittenNumber(text) : undefined;
  return value === undefined ? undefined : Number(value);
}

/** Full-width forms to half-width (NFKC), the usual dash and quote variants unified. */
export function halfWidth(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\uFE63]/g, '-')
    .replace(/\u00A0/g, ' ');
}

export type NumberingStyle = 'part' | 'section' | 'paren' | 'arabic';
export interface Numbering {
  style: NumberingStyle;
  ordinal: number;
  /** The numbering as published, including its punctuation. */
  raw: string;
}

const N = '[一二三四五六七八九十]+|[0-9０-９]+';
const NUMBERING_PATTERNS: [NumberingStyle, RegExp][] = [
  ['part', new RegExp(`^\\s*第\\s*(${N})\\s*部分\\s*[、.,:：，．]?\\s*`)],
  ['paren', new RegExp(`^\\s*[(（]\\s*(${N})\\s*[)）]\\s*[、.,，．]?\\s*`)],
  ['section', /^\s*([一二三四五六七八九十]+)\s*[、.,，．]\s*/],
  ['arabic', /^\s*([0-9０-９]{1,2})\s*(?:[、.,，．]|[)）](?![0-9０-９]))\s*/],
];

/**
 * Splits a leading numbering (第一部分 / 一、 / （一） / 1.) from a label or heading; `rest` is the
 * rest of the text as given (not normalised).
 */
export function splitNumbering(text: string): { numbering?: Numbering; rest: string } {
  for (const [style, pattern] of NUMBERING_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const ordinal = chineseNumber(halfWidth(match[1]!));
    if (ordinal === undefined) continue;
    // "1.5万元" or "2020年": a number, not a numbering.
    if (style === 'arabic' && /^[0-9０-９]/.test(text.slice(match[0].length))) continue;
    return { numbering: { style, ordinal, raw: match[0] }, rest: text.slice(match[0].length) };
  }
  return { rest: text };
}

/** Words published instead of the official one (the whole key only). */
const SYNONYMS: Record<string, string> = { 合计: '总计' };

/** The matching key of a text: half-width, no spaces, no punctuation, no quotes. */
export function key(text: string): string {
  const plain = halfWidth(text).replace(/[\s\p{P}\p{S}]/gu, '');
  return SYNONYMS[plain] ?? plain;
}

/** The key of a label without its numbering. */
export function labelKey(text: string): { numbering?: Numbering; key: string } {
  const { numbering, rest } = splitNumbering(text);
  const result: { numbering?: Numbering; key: string } = { key: key(rest) };
  if (numbering) result.numbering = numbering;
  return result;
}

/** Length of the longest common subsequence (typos and dropped characters keep it high). */
function lcs(a: string, b: string): number {
  const as = [...a];
  const bs = [...b];
  let previous = new Array<number>(bs.length + 1).fill(0);
  for (const ca of as) {
    const current = new Array<number>(bs.length + 1).fill(0);
    for (let j = 0; j < bs.length; j++) {
      current[j + 1] = ca === bs[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, current[j]!);
    }
    previous = current;
  }
  return previous[bs.length]!;
}

/**
 * How well a published key matches an official key, 0..1: 1 equal; containment scores by the share of
 * the longer one; otherwise the common-subsequence ratio (typos such as 已取信息 for 已获取信息).
 */
const similarities = new Map<string, number>();

export function similarity(published: string, official: string): number {
  if (published === official) return 1;
  if (!published || !official) return 0;
  const cacheKey = `${published}\u0000${official}`;
  const cached = similarities.get(cacheKey);
  if (cached !== undefined) return cached;
  const value = computeSimilarity(published, official);
  // Labels repeat across rows and pages: a bounded memo keeps the common-subsequence work down.
  if (similarities.size > 50_000) similarities.clear();
  similarities.set(cacheKey, value);
  return value;
}

/**
 * Whether similarity(published, official) ≥ threshold. Keys whose lengths differ too much for either score
 * to reach it are told apart without the common-subsequence work: a table's every cell against every
 * label of three tables is most of the comparisons an import makes.
 */
export function similarAtLeast(published: string, official: string, threshold: number): boolean {
  if (published === official) return true;
  const ratio = (a: number, b: number) => Math.min(a, b) / Math.max(a, b);
  // As computeSimilarity measures: the common-subsequence score in characters is at most
  // 2·short/(short+long); containment, in UTF-16 units, scores 0.6 + 0.35·short/long.
  const characters = ratio([...published].length, [...official].length);
  const bound = Math.max((2 * characters) / (1 + characters), 0.6 + 0.35 * ratio(published.length, official.length));
  return bound >= threshold && similarity(published, official) >= threshold;
}

let comparisons = 0;

/** How many label comparisons were computed so far (not served from the memo): a measure of work for tests. */
export function comparisonCount(): number {
  return comparisons;
}

function computeSimilarity(published: string, official: string): number {
  comparisons++;
  // No official label is this long: such text is prose, not a label (and a quadratic comparison).
  if (published.length > 200 || official.length > 200) return 0;
  const [short, long] = published.length <= official.length ? [published, official] : [official, published];
  const ratio = (2 * lcs(published, official)) / ([...published].length + [...official].length);
  const contained = short.length >= 2 && long.includes(short) ? 0.6 + 0.35 * (short.length / long.length) : 0;
  return Math.max(ratio, contained);
}

/** Threshold above which a label counts as the official one. */
export const MATCH = 0.8;

export function isCjk(char: string | undefined): boolean {
  return char !== undefined && /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u.test(char);
}
