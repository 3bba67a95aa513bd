/**
 * The report's metadata as far as the page states it: agency (title, signature, preface), report
 * year, statistics period, contact, where the electronic version is, publication date. What a page
 * never states (agency kind, level, 行政区划代码) is guessed from the name, with a warning.
 */
import { resolveRef, schemaFor, type JsonSchema } from '@nianbao/template';
import { guessKind, guessPlace } from './gazetteer.js';
import { halfWidth } from './text.js';
import type { ImportWarning } from './types.js';

export interface MetadataSources {
  /** Title lines of the page (heading, HTML <title>, meta ArticleTitle), best first. */
  titles: string[];
  /** Preface paragraphs. */
  preface: string[];
  /** Other lines that may carry metadata (发布日期：…, a signature at the end). */
  lines: string[];
  /** Signature lines (an agency name alone on a line at the end). */
  signatures: string[];
  /** All report text, for a last-resort year. */
  body: string[];
  meta: Record<string, string>;
}

export interface Metadata {
  agency: {
    name: string;
    kind: string;
    level: string;
    administrativeDivisionCode: string;
    unifiedSocialCreditCode?: string;
  };
  reportYear: number;
  statisticsPeriod: { start: string; end: string };
  publicationDate?: string;
  contact?: Record<string, string>;
  electronicVersion?: { location: string; url?: string };
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A date in 2021年1月20日 / 2021-01-20 / 2021.1.20 / 2021/01/20 form, as YYYY-MM-DD. */
export function dateOf(text: string): string | undefined {
  const match = /(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})/.exec(halfWidth(text));
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

const REPORT_NAME = /(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)/;

const YEAR_AFTER =
  /^(.*?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)\s*[(（]\s*([0-9０-９]{4})\s*年度?\s*[)）]/;

/** The agency and year in a title (池州市人民防空办公室2020年政府信息公开工作年度报告); the name as written. */
function fromTitle(title: string): { name?: string; year?: number } {
  // <title> often adds the site name: 报告标题_网站名 / 报告标题 - 网站名.
  // A crawler's saved page starts with its own field label: 标题: / 标题：报告标题.
  // 标      题 / 标(biāo) 题 (a mirror's pinyin glosses): the label spaced out, the colon left out.
  const bare = title.replace(
    /^\s*(?:文章标题|标(?:\s*[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）])?\s*题|题目|title)\s*(?:[:：]\s*|\s+)/i,
    '',
  );
  const text = bare.split(/\s*[|_]\s*|\s+[-–—]\s+/).find((part) => REPORT_NAME.test(part)) ?? bare;
  const match =
    /^(.*?)(?:关于)?\s*([0-9０-９]{4})\s*年度?\s*(.*?)(?:政府信息公开|政务公开|信息公开)/.exec(text.trim()) ??
    // 宝坻区大钟庄镇政府信息公开工作年度报告（2019年）: the year after the report's name.
    YEAR_AFTER.exec(text.trim());
  if (!match) return {};
  const before = match[1]!.replace(/关于$/, '').trim();
  const after = (match[3] ?? '').replace(/^的/, '').trim();
  const name = before || after;
  const result: { name?: string; year?: number } = { year: Number(halfWidth(match[2]!)) };
  // 西藏自治区(qū)人民政府: a mirror's pinyin glosses are not part of the name.
  if (name) result.name = name.replace(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/g, '').replace(/[《》“”"]/g, '');
  return result;
}

const AGENCY_END = /(人民政府|办公室|办公厅|委员会|管理委员会|局|厅|委|办|中心|办事处|管委会|院|署|部|会|所|站|队)$/;

function agencyFromPreface(text: string): { name?: string; from?: string } {
  const location = /电子版.*?(?:在|于|从|登录|通过)\s*(.+?)(?:网站|门户网站|政府网|官网|网)/.exec(text);
  if (location && AGENCY_END.test(location[1]!.trim()))
    return { name: location[1]!.trim(), from: 'electronic version' };
  const dutyBearer = /(?:^|[。，,])\s*([^。，,；;（(]{4,30}?)(?:根据|依据|按照)《/.exec(text);
  if (dutyBearer && AGENCY_END.test(dutyBearer[1]!.trim())) return { name: dutyBearer[1]!.trim(), from: 'preface' };
  return {};
}

function contactOf(text: string): Record<string, string> {
  const contact: Record<string, string> = {};
  const department =
    /联系(?:部门|单位)\s*[:：]\s*([^，,；;。（(]+)/.exec(text) ??
    /请(?:与|向|联系)\s*([^，,；;。（(]+?)\s*(?:联系|咨询|反映|询问)/.exec(text);
  if (department) contact.department = department[1]!.trim();
  const address =
    /(?:通讯|通信|办公|联系)?地址\s*[:：]\s*(.+?)(?=\s*[,，;；、]?\s*(?:邮编|邮政编码|联系电话|电话|传真|电子邮箱|邮箱|E-?mail|网址)|[)）。;；]|$)/i.exec(
      text,
    );
  if (address) contact.address = address[1]!.trim();
  const postcode = /(?:邮编|邮政编码)\s*[:：]?\s*([0-9０-９]{6})/.exec(text);
  if (postcode) contact.postcode = postcode[1]!;
  const phone = /(?:联系)?电话(?:号码)?\s*[:：]?\s*([0-9０-９(（][0-9０-９\-－—()（） ]{4,}[0-9０-９])/.exec(text);
  if (phone) contact.phone = phone[1]!.trim();
  const fax = /传真(?:号码)?\s*[:：]?\s*([0-9０-９(（][0-9０-９\-－—()（） ]{4,}[0-9０-９])/.exec(text);
  if (fax) contact.fax = fax[1]!.trim();
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/.exec(text);
  if (email) contact.email = email[0];
  return contact;
}

function electronicOf(text: string): { location: string; url?: string } | undefined {
  const url = /(https?:\/\/[^\s，。,;；)）"”]+|www\.[A-Za-z0-9.\-/_]+[A-Za-z0-9/])/.exec(text)?.[1];
  const match =
    /电子版\s*(?:可|可以|将)?\s*(?:在|于|从|登录|通过)\s*(.+?)\s*(?:上|中)?\s*(?:下载|查阅|查看|浏览|获取|发布)/.exec(
      text,
    ) ?? /本报告\s*(?:可|可以|将)?\s*(?:在|于)\s*(.+?)\s*(?:上|中)?\s*(?:下载|查阅|查看|发布|公开)/.exec(text);
  if (!match && !url) return undefined;
  const location = (match?.[1] ?? url!)
    .replace(/[（(]\s*(?:网址\s*[:：]?\s*)?(https?:\/\/|www\.)[^)）]*[)）]/g, '')
    .trim();
  const result: { location: string; url?: string } = { location: location || url! };
  if (url) result.url = url;
  return result;
}

/** The official name of an agency kind or level (the schema's oneOf titles: 政府部门, 市级 …). */
function optionTitle(field: 'kind' | 'level', value: string): string {
  const schema = schemaFor('2019');
  const agency = resolveRef(schema, (schema.$defs as Record<string, JsonSchema>).agency!);
  const options = ((agency.properties as Record<string, JsonSchema>)[field]!.oneOf ?? []) as JsonSchema[];
  const title = options.find((option) => option.const === value)?.title;
  return typeof title === 'string' ? title : value;
}

type Guess = (what: { zh: string; en: string }, at: string) => void;

/** The agency naming itself in a report's first sentences (现公布X2022年…, 2023年，X认真贯彻…). */
const SELF_NAMED = [
  /(?:现公布|特编制|现发布|特发布)\s*([\u4e00-\u9fa5]{3,30}?)\s*\d{4}\s*年/,
  // 2023年，(在区委、区政府的坚强领导下，)官洲街道办事处认真贯彻…
  /^\s*\d{4}\s*年度?\s*[，,]\s*(?:在[^，,。]{2,30}下\s*[，,]\s*)?([\u4e00-\u9fa5]{3,25}?)(?:认真|坚持|严格|深入|全面|紧紧|始终|持续)/,
  // …要求，上饶市人民政府根据全市2022年度政府信息公开工作开展情况，编制本报告。
  /(?:^|[，,。])\s*([\u4e00-\u9fa5]{4,25}?)(?:根据|依据|按照)[^。]{0,40}?编制(?:了)?本(?:年度)?报告/,
];

/** An agency that names itself in the first sentences of a report without a title (said as a guess). */
function agencyInText(paragraphs: string[], warnings: ImportWarning[]): string | undefined {
  for (const text of paragraphs) {
    for (const pattern of SELF_NAMED) {
      const found = pattern.exec(text)?.[1];
      // 我局, 本机关, 区政府办公室, 县乡村振兴局: not a name the agency is known by.
      if (!found || /^(我|本|全|各|[省市县区镇乡州])/.test(found)) continue;
      const name = AGENCY_END.test(found) ? found : /([镇乡]|苏木|街道)$/.test(found) ? found : undefined;
      if (!name) continue;
      warnings.push({
        code: 'guessed',
        message: {
          zh: `页面没有标题，报告机关按正文「${found}」推定，请核对。`,
          en: `The page has no title; the reporting agency is taken from the text (「${found}」); please check.`,
        },
        at: '/metadata/agency/name',
      });
      return governmentOf(name, warnings);
    }
  }
  return undefined;
}

/** Agency name: the title, else a signature, else the preface, else the contact department. */
/**
 * A title that names a place, not an agency (平潭综合实验区2019年…, 某县2020年…): the report is its
 * government's — a zone's 管理委员会, a county's or city's 人民政府 — said as a guess.
 */
function governmentOf(name: string, warnings: ImportWarning[]): string {
  if (AGENCY_END.test(name)) return name;
  const suffix = governmentSuffix(name);
  if (!suffix) return name;
  const government = `${name}${suffix}`;
  warnings.push({
    code: 'guessed',
    message: {
      zh: `标题只写了地名「${name}」，报告机关按惯例推定为「${government}」，请核对。`,
      en: `The title names the place 「${name}」 only; the reporting agency is taken to be its government, 「${government}」; please check.`,
    },
    at: '/metadata/agency/name',
  });
  return government;
}

/** What a place's government is called after its name: a zone's 管理委员会, a street's 办事处 (it has an office, not a government of its own), a county's or town's 人民政府. */
function governmentSuffix(place: string): string | undefined {
  if (/(实验区|试验区|开发区|新区|示范区|高新区|合作区)$/.test(place)) return '管理委员会';
  if (/街道$/.test(place)) return '办事处';
  if (/([省市县区旗州盟镇乡]|苏木)$/.test(place)) return '人民政府';
  return undefined;
}

/** The agency a CMS page's byline names (来源：…, 发布机构：…). */
const BYLINE = /(?:^|\s)(?:信息来源|来源|发布机构)\s*[:：]\s*([\u4e00-\u9fa5]{4,40})/;

/**
 * The byline's agency when it is the title's written in full: 天津市宝坻区大钟庄镇人民政府 for a title's
 * 宝坻区大钟庄镇, 天津市东丽区人民政府东丽湖街道办事处 for 东丽湖街. A byline alone is not taken: it often
 * names the site's owner (平潭县人民政府 over every agency of the zone), or abbreviates (商务局).
 */
function titleAgencyInFull(titleName: string, lines: string[], warnings: ImportWarning[]): string | undefined {
  // The title's agency (…人民政府), or the government of the place it names (东丽湖街: a street's office).
  const named = AGENCY_END.exec(titleName)?.[0];
  const suffix = named ?? governmentSuffix(titleName.replace(/街$/, '街道'));
  if (!suffix) return undefined;
  const stem = named ? titleName.slice(0, titleName.length - named.length) : titleName;
  for (const line of lines) {
    const byline = BYLINE.exec(line)?.[1];
    if (!byline || byline.length <= titleName.length || !AGENCY_END.test(byline)) continue;
    if (!byline.includes(stem) || !byline.endsWith(suffix)) continue;
    warnings.push({
      code: 'guessed',
      message: {
        zh: `标题写作「${titleName}」，报告机关按页面来源栏的全称记为「${byline}」，请核对。`,
        en: `The title says 「${titleName}」; the reporting agency is recorded by its full name in the page's byline, 「${byline}」; please check.`,
      },
      at: '/metadata/agency/name',
    });
    return byline;
  }
  return undefined;
}

function agencyName(
  sources: MetadataSources,
  titleName: string | undefined,
  prefaceText: string,
  warnings: ImportWarning[],
): string {
  let name = titleName && (titleAgencyInFull(titleName, sources.lines, warnings) ?? governmentOf(titleName, warnings));
  if (!name) name = sources.signatures.find((s) => AGENCY_END.test(s.trim()))?.trim();
  if (!name) name = agencyFromPreface(prefaceText).name;
  if (!name) name = agencyInText(sources.body.slice(0, 4), warnings);
  if (!name) {
    const department = contactOf(prefaceText).department;
    if (department)
      name = department.replace(/(综合|办公|秘书|信息|政务公开|法规)[^，,]{0,6}(科|处|室|股|中心)$/, '') || department;
  }
  if (name) return name;
  warnings.push({
    code: 'metadata-missing',
    message: { zh: '页面中未找到报告机关名称。', en: 'The page does not name the reporting agency.' },
    at: '/metadata/agency/name',
  });
  return '（未知机关）';
}

const PERIOD =
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*起?\s*(?:至|到|—+|-|~|～)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** Report year: the title, the statistics period, the preface, the most frequent year in the text. */
function yearOf(
  titleYear: number | undefined,
  period: RegExpExecArray | null,
  prefaceText: string,
  body: string[],
  guessed: Guess,
): number {
  if (titleYear !== undefined) return titleYear;
  if (period) return Number(period[4] ?? period[1]);
  const stated = /(\d{4})\s*年度?\s*(?:政府信息公开|政务公开)/.exec(halfWidth(prefaceText));
  if (stated) return Number(stated[1]);
  const counts = new Map<number, number>();
  for (const match of halfWidth(body.join('\n')).matchAll(/(20\d{2})\s*年/g)) {
    counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const year = top ? top[0] : new Date().getUTCFullYear() - 1;
  guessed(
    {
      zh: `页面未写明报告年度，按正文中最常出现的年份推定为${year}年。`,
      en: `The page does not state the report year; taken as ${year}, the year the text mentions most.`,
    },
    '/metadata/reportYear',
  );
  return year;
}

function periodOf(period: RegExpExecArray | null, reportYear: number, guessed: Guess): Metadata['statisticsPeriod'] {
  if (period) {
    const start = isoDate(Number(period[1]), Number(period[2]), Number(period[3]));
    const end = isoDate(Number(period[4] ?? period[1]), Number(period[5]), Number(period[6]));
    if (start && end) return { start, end };
  }
  guessed(
    {
      zh: `页面未写明统计期限，按${reportYear}年1月1日至12月31日记录。`,
      en: `The page does not state the statistics period; recorded as 1 January – 31 December ${reportYear}.`,
    },
    '/metadata/statisticsPeriod',
  );
  return { start: `${reportYear}-01-01`, end: `${reportYear}-12-31` };
}

/** What a page never states (kind, level, division code): guessed from the name, each guess a warning. */
function agencyOf(name: string, guessed: Guess): Metadata['agency'] {
  const place = guessPlace(name);
  const kind = guessKind(name);
  const level = place.level ?? (kind === 'government' ? 'county' : 'municipal');
  const kindLabel = optionTitle('kind', kind);
  const levelLabel = optionTitle('level', level);
  const places = place.places.join('');
  guessed(
    {
      zh: `机关类别按名称推定为「${kindLabel}」（${kind}），请核对。`,
      en: `Agency kind guessed from the name as ${kind}; please check.`,
    },
    '/metadata/agency/kind',
  );
  guessed(
    {
      zh: `行政层级按名称推定为「${levelLabel}」（${level}${places ? `，${places}` : ''}），请核对。`,
      en: `Administrative level guessed from the name as ${level}${places ? ` (${places})` : ''}; please check.`,
    },
    '/metadata/agency/level',
  );
  guessed(
    place.code
      ? {
          zh: `行政区划代码按名称中的地名推定为 ${place.code}（${places}${place.ambiguous ? '，同名地名不止一处' : ''}），请核对。`,
          en: `Administrative division code guessed from the place name as ${place.code} (${places}${place.ambiguous ? '; the name is ambiguous' : ''}); please check.`,
        }
      : {
          zh: '名称中没有可识别的地名，行政区划代码记为 000000，请填写。',
          en: 'No place name recognised in the agency name; division code set to 000000, please fill it in.',
        },
    '/metadata/agency/administrativeDivisionCode',
  );
  return { name, kind, level, administrativeDivisionCode: place.code ?? '000000' };
}

/** The publication date: a meta tag, a 发布日期 line, else the date under the signature. */
function publicationDateOf(sources: MetadataSources): string | undefined {
  const metaDate = [
    'pubdate',
    'publishdate',
    'published',
    'article:published_time',
    'firstpublishedtime',
    'datepublished',
  ]
    .map((name) => sources.meta[name])
    .find((value) => value !== undefined && dateOf(value) !== undefined);
  const lineDate = sources.lines
    .map((line) => (/(?:发布|成文|印发)(?:时间|日期)/.test(line) ? dateOf(line) : undefined))
    .find(Boolean);
  const signatureDate = sources.lines
    .map((line) => (/^\s*\d{4}\s*[年./-]/.test(halfWidth(line)) ? dateOf(line) : undefined))
    .find(Boolean);
  return (metaDate && dateOf(metaDate)) ?? lineDate ?? signatureDate;
}

/** Contact and where the electronic version is, from the preface; a warning for each not stated. */
function contactAndVersion(metadata: Metadata, name: string, prefaceText: string, warnings: ImportWarning[]): void {
  const contact = contactOf(prefaceText);
  // 请与池州市人民防空办公室综合科联系: the 联系部门 is 综合科, a part of the agency.
  for (const agency of [name, name.replace(/[（(][^）)]*[）)]$/, '')]) {
    if (agency && contact.department?.startsWith(agency) && contact.department.length > agency.length) {
      contact.department = contact.department.slice(agency.length).trim();
      break;
    }
  }
  if (Object.keys(contact).length > 0) metadata.contact = contact;
  const electronic = electronicOf(prefaceText);
  if (electronic) metadata.electronicVersion = electronic;
  for (const [field, label] of [
    ['contact', { zh: '联系方式', en: 'contact' }],
    ['electronicVersion', { zh: '电子版发布位置', en: 'where the electronic version is published' }],
  ] as const) {
    if (metadata[field]) continue;
    warnings.push({
      code: 'metadata-missing',
      message: { zh: `引言中未找到${label.zh}，已略去。`, en: `The preface does not state the ${label.en}; left out.` },
      at: `/metadata/${field}`,
    });
  }
}

export function readMetadata(sources: MetadataSources, warnings: ImportWarning[]): Metadata {
  const guessed: Guess = (what, at) => {
    warnings.push({ code: 'guessed', message: what, at });
  };
  const prefaceText = sources.preface.join('\n');
  const titleInfo = sources.titles.map(fromTitle).find((info) => info.year !== undefined) ?? {};
  const name = agencyName(sources, titleInfo.name, prefaceText, warnings);
  const period = PERIOD.exec(halfWidth(prefaceText));
  const reportYear = yearOf(titleInfo.year, period, prefaceText, sources.body, guessed);
  const statisticsPeriod = periodOf(period, reportYear, guessed);
  const agency = agencyOf(name, guessed);
  const creditCode = /统一社会信用代码\s*[:：]?\s*([0-9A-HJ-NPQRTUWXY]{18})/.exec(
    halfWidth([prefaceText, ...sources.lines].join('\n')),
  );
  if (creditCode) agency.unifiedSocialCreditCode = creditCode[1]!;
  const metadata: Metadata = { agency, reportYear, statisticsPeriod };
  const publicationDate = publicationDateOf(sources);
  if (publicationDate) metadata.publicationDate = publicationDate;
  contactAndVersion(metadata, name, prefaceText, warnings);
  return metadata;
}

function stringFields(value: unknown, fields: readonly string[]): Record<string, string> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, string> = {};
  for (const field of fields) {
    const v = (value as Record<string, unknown>)[field];
    if (typeof v === 'string' && v !== '') out[field] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Metadata the page embeds as data (what nianbao's HTML can carry beyond its text) takes precedence
 * over what was read or guessed from the text; the guesses it replaces lose their warnings.
 */
export function applyEmbedded(metadata: Metadata, embedded: unknown, warnings: ImportWarning[]): Metadata {
  if (embedded === null || typeof embedded !== 'object' || Array.isArray(embedded)) return metadata;
  const source = embedded as Record<string, unknown>;
  const replaced: string[] = [];
  const agencyFields = ['name', 'kind', 'level', 'administrativeDivisionCode', 'unifiedSocialCreditCode'] as const;
  const agency = stringFields(source.agency, agencyFields);
  const merged: Metadata['agency'] = { ...metadata.agency };
  if (agency) {
    for (const field of agencyFields) {
      if (agency[field] !== undefined) {
        merged[field] = agency[field]!;
        replaced.push(`/metadata/agency/${field}`);
      }
    }
  }
  const result: Metadata = {
    agency: Object.fromEntries(
      agencyFields.filter((f) => merged[f] !== undefined).map((f) => [f, merged[f]]),
    ) as Metadata['agency'],
    reportYear: metadata.reportYear,
    statisticsPeriod: metadata.statisticsPeriod,
  };
  if (Number.isInteger(source.reportYear)) {
    result.reportYear = source.reportYear as number;
    replaced.push('/metadata/reportYear');
  }
  const period = stringFields(source.statisticsPeriod, ['start', 'end']);
  if (period?.start && period.end) {
    result.statisticsPeriod = { start: period.start, end: period.end };
    replaced.push('/metadata/statisticsPeriod');
  }
  const publicationDate =
    typeof source.publicationDate === 'string' ? source.publicationDate : metadata.publicationDate;
  if (publicationDate) result.publicationDate = publicationDate;
  const contact =
    stringFields(source.contact, ['department', 'address', 'postcode', 'phone', 'fax', 'email']) ?? metadata.contact;
  if (contact) result.contact = contact;
  if (stringFields(source.contact, ['department'])) replaced.push('/metadata/contact');
  const electronic = stringFields(source.electronicVersion, ['location', 'url']);
  if (electronic?.location) {
    result.electronicVersion = electronic as { location: string; url?: string };
    replaced.push('/metadata/electronicVersion');
  } else if (metadata.electronicVersion) result.electronicVersion = metadata.electronicVersion;
  for (let i = warnings.length - 1; i >= 0; i--) {
    const at = warnings[i]!.at;
    if (at && replaced.some((pointer) => at === pointer || at.startsWith(`${pointer}/`))) warnings.splice(i, 1);
  }
  return result;
}
