/**
 * What a document that is not an annual report looks like, so that the refusal can say so: a
 * comparison of two years, an annual report in the pre-2019 structure (seven to nine parts, with
 * 收费及减免 and 因政府信息公开申请行政复议、提起行政诉讼), a notice. Read from its first lines and headings.
 */
import type { LocalizedText } from '@nianbao/template';
import type { SourceDocument } from './source.js';
import { halfWidth } from './text.js';

function lines(source: SourceDocument): string[] {
  return source.blocks.flatMap((block) => (block.kind === 'line' ? [block.text] : block.asLines.map((l) => l.text)));
}

const OLD_HEADINGS = [/收费及减免/, /申请行政复议.{0,4}提起行政诉讼/, /^[七八九]\s*[、.]/, /^第[七八九]部分/];

/**
 * A report whose copy lost its line breaks: headings inside long lines and table cells run together
 * (规范性文件898989 — 89 | 89 | 89, or 8 | 98 | 989?). Its numbers cannot be told apart.
 */
function flattened(all: string[]): LocalizedText | undefined {
  const long = all.filter((text) => [...text].length > 2000);
  const joined = long.join('');
  const headings = ['主动公开政府信息情况', '收到和处理政府信息公开申请', '行政复议'].filter((h) => joined.includes(h));
  if (long.length === 0 || headings.length < 2) return undefined;
  return {
    zh: '这份文本丢失了换行和表格结构：章节标题夹在长段落中，统计表的单元格连成一串数字（如“规范性文件898989”），无法分辨每个数字属于哪一格。请提供原网页（HTML）、PDF 或 Word 文件。',
    en: 'This text lost its line breaks and table structure: the section headings sit inside long paragraphs and the table cells run together into strings of digits (such as 规范性文件898989), so which number belongs to which cell cannot be told. Give the original web page (HTML), PDF or Word file.',
  };
}

/** Words only the structure before 2019 has (its statistics table, its parts), anywhere in the text. */
const OLD_MARKERS: [RegExp, string][] = [
  [/指标名称|计量单位|历年累计/, '旧式统计表（指标名称、计量单位、历年累计）'],
  [/收费及减免/, '“收费及减免”一节'],
  [/[一二]\s*[、.．]\s*概述|概述\s*[一二]?\s*[、.．]?\s*推进/, '“概述”一节'],
  [/事务支出|工作人员及信息公开/, '“工作人员及信息公开事务支出”一节'],
  [/依申请公开(?:政府信息)?(?:工作)?情况/, '“依申请公开情况”一节'],
];

/** A report in the structure before the 2019 regulations: a year before 2019 in its title, or its old parts. */
function oldStructure(all: string[], titleYear: string | undefined): LocalizedText | undefined {
  const text = all.map((line) => halfWidth(line)).join('\n');
  const lineHits = all.filter((line) => OLD_HEADINGS.some((pattern) => pattern.test(halfWidth(line).trim()))).length;
  const markers = OLD_MARKERS.filter(([pattern]) => pattern.test(text)).map(([, name]) => name);
  // 依申请公开情况 is also a sub-topic of the current structure: it only names what an old report has.
  const strong = markers.filter((name) => !name.includes('依申请')).length;
  const early = titleYear !== undefined && Number(titleYear) < 2019;
  if (!(lineHits >= 2 || strong >= 2 || (early && (lineHits >= 1 || markers.length >= 1)))) return undefined;
  const what = markers.length > 0 ? markers.join('、') : '“收费及减免”等七至九个部分';
  return {
    zh: `这看起来是 2019 年以前旧格式的年度报告（${titleYear ? `${titleYear}年度` : '年份不明'}，含${what}），不是 2019 年起施行的现行格式（六个部分、三张统计表），无法按现行模板导入。`,
    en: `This looks like an annual report in the structure used before 2019 (${titleYear ? `report year ${titleYear}` : 'year unknown'}, with ${markers.length > 0 ? `the old parts: ${what}` : 'seven to nine parts such as 收费及减免'}), not the current structure in force since 2019 (six parts, three tables); it cannot be imported into the current template.`,
  };
}

/** A description of what the document looks like, when it is recognisably something else. */
export function lookalike(source: SourceDocument): LocalizedText | undefined {
  const all = lines(source);
  const head = [...(source.title ? [source.title] : []), ...all.slice(0, 12)].map((text) => halfWidth(text));
  const titleYear = head.map((text) => /((?:19|20)\d{2})\s*年/.exec(text)?.[1]).find(Boolean);
  const old = oldStructure(all, titleYear);
  if (old) return old;
  const lost = flattened(all);
  if (lost) return lost;
  const years = new Set(head.flatMap((text) => [...text.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => m[1])));
  if (head.some((text) => /对比|比较|同比|两年/.test(text)) && years.size >= 2) {
    return {
      zh: `这看起来是两个年度（${[...years].join('、')}）的对比材料，不是一份年度报告。请分别导入各年度的报告。`,
      en: `This looks like a comparison of two years (${[...years].join(', ')}), not one annual report. Import each year's report on its own.`,
    };
  }
  if (head.some((text) => /(通知|公告|通告|函|意见|办法)$/.test(text.trim()))) {
    return {
      zh: '这看起来是一份通知或公告（标题以“通知/公告”结尾），不是政府信息公开工作年度报告。',
      en: 'This looks like a notice or announcement (its title ends in 通知/公告), not a government information disclosure annual report.',
    };
  }
  return undefined;
}
