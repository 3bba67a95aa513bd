/**
 * The narrative: section headings (number + key phrase, tolerant of the published variants), the
 * sub-topics of 一 and 五 (by key phrase, then by number), inline headings ("（二）依申请公开情况。2020年…"),
 * page chrome and signatures that are not report text.
 */
import type { SectionSpec } from './spec.js';
import { halfWidth, key, MATCH, similarity, splitNumbering } from './text.js';

export interface Paragraph {
  text: string;
  from: string;
}

/** Splits "heading。text" / "heading：text" into the heading (without its end mark) and the text after it. */
export function splitInlineHeading(text: string): { heading: string; rest: string } | undefined {
  const match = /[。：:]/.exec(text);
  if (match && match.index <= 40) {
    const heading = text.slice(0, match.index).trim();
    if (heading === '') return undefined;
    return { heading, rest: text.slice(match.index + 1).trim() };
  }
  const trimmed = text.trim().replace(/[。：:；;]$/, '');
  return [...trimmed].length <= 30 && trimmed !== '' ? { heading: trimmed, rest: '' } : undefined;
}

export interface SectionHeading {
  section: SectionSpec;
  /** Text after an inline heading. */
  rest: string;
  /** The heading's number differs from the official one. */
  numberDiffers: boolean;
  /** The heading's words differ from the official ones (a renamed heading). */
  approximate: boolean;
}

/** Whether a line is the heading of one of `sections` (一、总体情况 / 第一部分 总体情况 / 一. 总体情况 …). */
export function sectionHeading(text: string, sections: SectionSpec[]): SectionHeading | undefined {
  const { numbering, rest } = splitNumbering(text);
  if (!numbering || !['section', 'part', 'arabic'].includes(numbering.style)) return undefined;
  const inline = splitInlineHeading(rest);
  if (!inline) return undefined;
  // 1、 总体情况: a word processor's list numbering replaced 一、; a list item (1、主动公开。…) is not a part.
  if (numbering.style === 'arabic') return listHeading(inline, numbering.ordinal, sections);
  const headingKey = key(inline.heading);
  let best: { section: SectionSpec; score: number } | undefined;
  for (const section of sections) {
    const sameNumber = section.numbering?.ordinal === numbering.ordinal;
    let score = similarity(headingKey, section.labelKey);
    // 一、2020年政府信息公开工作总体情况: the official words inside a longer heading of the same number.
    if (score < MATCH && sameNumber && headingKey.includes(section.labelKey)) score = MATCH;
    if (sameNumber) score += 0.05;
    if (score >= MATCH && (!best || score > best.score)) best = { section, score };
  }
  if (!best) return undefined;
  return {
    section: best.section,
    rest: inline.rest,
    numberDiffers: best.section.numbering?.ordinal !== numbering.ordinal,
    approximate: headingKey !== best.section.labelKey,
  };
}

/** A part's heading numbered 1、: alone on its line, its words the official ones, its number the part's. */
function listHeading(
  inline: { heading: string; rest: string },
  ordinal: number,
  sections: SectionSpec[],
): SectionHeading | undefined {
  if (inline.rest !== '') return undefined;
  const headingKey = key(inline.heading);
  const section = sections.find(
    (s) => s.numbering?.ordinal === ordinal && similarity(headingKey, s.labelKey) >= LIST_HEADING_MATCH,
  );
  if (!section) return undefined;
  return { section, rest: '', numberDiffers: true, approximate: headingKey !== section.labelKey };
}

/** How close a list-numbered heading's words must be to the part's (its number alone says little). */
const LIST_HEADING_MATCH = 0.9;

/** Key phrases of the sub-topics besides their official names (the variants agencies use). */
const TOPIC_PHRASES: Record<string, string[]> = {
  proactiveDisclosure: ['主动公开'],
  requestDisclosure: ['依申请公开', '依申请'],
  informationManagement: ['信息管理', '政府信息管理'],
  platformBuilding: ['平台建设', '公开平台', '平台'],
  oversight: ['监督保障', '监督', '保障', '考核', '评议', '责任追究'],
  problems: ['主要问题', '问题', '不足'],
  improvements: ['改进', '整改', '措施', '下一步', '打算', '计划'],
};

export interface TopicResult {
  introduction: Paragraph[];
  topics: Map<string, { heading?: string; paragraphs: Paragraph[]; from: string; byNumber: boolean }>;
}

export function topicScore(headingKey: string, topic: { key: string; labelKey: string }): number {
  let score = similarity(headingKey, topic.labelKey);
  for (const phrase of TOPIC_PHRASES[topic.key] ?? []) {
    if (headingKey.includes(phrase)) score = Math.max(score, 0.8 + phrase.length * 0.02);
  }
  return score;
}

/**
 * Splits a section's paragraphs at its sub-topic headings （一）…: each heading is mapped by its key
 * phrase (主动公开, 依申请公开, …), and by its number only when no phrase matches.
 */
export function splitTopics(paragraphs: Paragraph[], topics: { key: string; labelKey: string }[]): TopicResult {
  // Sub-topics are numbered （一）…; a report without any uses 1. or 一、 for them instead, and
  // then only lines whose words name a topic count (so numbered items inside a topic stay text).
  const headingStyle = (text: string) => splitNumbering(text).numbering?.style;
  const parenthesised = paragraphs.some((p) => headingStyle(p.text) === 'paren');
  const styles = parenthesised ? ['paren'] : ['arabic', 'section'];
  const result: TopicResult = { introduction: [], topics: new Map() };
  let current: { heading?: string; paragraphs: Paragraph[]; from: string; byNumber: boolean } | undefined;
  for (const paragraph of paragraphs) {
    const { numbering, rest } = splitNumbering(paragraph.text);
    const inline = numbering && styles.includes(numbering.style) ? splitInlineHeading(rest) : undefined;
    if (numbering && inline) {
      const headingKey = key(inline.heading);
      let best: { key: string; score: number } | undefined;
      for (const topic of topics) {
        if (result.topics.has(topic.key)) continue;
        const score = topicScore(headingKey, topic);
        if (score >= MATCH && (!best || score > best.score)) best = { key: topic.key, score };
      }
      let byNumber = false;
      if (!best && parenthesised) {
        const topic = topics[numbering.ordinal - 1];
        if (topic && !result.topics.has(topic.key)) {
          best = { key: topic.key, score: 0 };
          byNumber = true;
        }
      }
      if (best) {
        current = { heading: inline.heading, paragraphs: [], from: paragraph.from, byNumber };
        if (inline.rest !== '') current.paragraphs.push({ text: inline.rest, from: paragraph.from });
        result.topics.set(best.key, current);
        continue;
      }
    }
    if (current) current.paragraphs.push(paragraph);
    else result.introduction.push(paragraph);
  }
  return result;
}

const CHROME = [
  /扫一扫/,
  /手机(上)?(打开|浏览|查看)/,
  /打印本页|【?打印】?$|^打印/,
  /关闭(本页|窗口)|【关闭】/,
  /字号|【\s*大\s*中\s*小\s*】/,
  /分享到/,
  /上一篇|下一篇/,
  /责任编辑|编辑[:：]/,
  /浏览(次数|量)|阅读(次数|量)|访问量|点击(数|量|率)/,
  /版权所有|Copyright|©/i,
  /ICP备|公网安备|网站标识码/,
  /主办单位|承办单位|技术支持|网站地图/,
  /您(当前)?的?位置|当前位置/,
  /^来源[:：]/,
  /(发布|更新)(时间|日期)[:：]/,
  /^索\s*引\s*号|^信息来源|^发文机关|^成文日期|^生效日期|^主题分类|^发布机构|^公开方式/,
  /附件下载|相关附件|相关链接|相关阅读/,
  /收藏本页|加入收藏/,
  /返回顶部|【返回】/,
  // A table continued after a page break.
  /^[(（]?\s*续表\s*[0-9一二三四五六七八九十]*\s*[)）]?[:：]?$/,
  // The note nianbao's own HTML puts under a table with not-reported cells.
  /^注[:：]?.{0,8}表示.{0,12}未填报/,
];

/** Page furniture of a CMS page (share links, print buttons, breadcrumbs, footers): not report text. */
export function isChrome(text: string): boolean {
  return [...text].length <= 80 && CHROME.some((pattern) => pattern.test(text));
}

/** A line that reads as report prose (a sentence or a numbered item), not a menu entry or label. */
export function isProse(text: string): boolean {
  const plain = halfWidth(text).trim();
  if (/[。！？；!?;：:…]$/.test(plain)) return true;
  if (splitNumbering(plain).numbering) return true;
  return [...plain].length >= 20;
}

/** A line that looks like the report's title. */
export function isTitle(text: string): boolean {
  const length = [...text].length;
  return (
    length <= 80 &&
    /年度?报告|年报|(?:公开|工作)报告/.test(text) &&
    !/[。；]/.test(text) &&
    /政府信息公开|政务公开|信息公开/.test(text)
  );
}

/** 2021年1月20日 / 2021-01-20 alone on a line (a signature's date). */
export function isDateLine(text: string): boolean {
  return /^\s*\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?\s*$/.test(halfWidth(text));
}

/** An agency's name alone on a line (a signature). */
export function isSignature(text: string, agencyName: string | undefined): boolean {
  const plain = text.replace(/\s/g, '');
  if ([...plain].length > 40 || /[。，,；;：:]/.test(plain)) return false;
  if (agencyName && plain === agencyName.replace(/\s/g, '')) return true;
  return /(人民政府|办公室|办公厅|委员会|局|厅|委|办|中心|办事处|管委会)$/.test(plain);
}
