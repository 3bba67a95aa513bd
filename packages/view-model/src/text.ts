/** Small text helpers shared by the view model and the renderers. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (the numbering of official headings). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]!}十${ones === 0 ? '' : DIGITS[ones]!}`;
}

/** （一）, （二）… : the numbering of topics within a section. */
export function topicNumber(position: number): string {
  return `（${chineseNumeral(position)}）`;
}

/**
 * Characters a report's text never needs and that would mislead or break an output: C0/C1 controls
 * (except tab and line feed) and the bidirectional embedding/override/isolate controls (U+202E can make
 * text read backwards). They are dropped from what is displayed; the source document keeps them.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

// Rendering the same document again (watch mode, a server) finds its texts here instead of
// scanning them again; V8 caches a string's hash, so a hit costs no pass over the text.
const cleaned = new Map<string, string>();
const CACHE_LIMIT = 4096;

/** The text as it is displayed: unsafe control characters removed, CR LF / CR normalised to LF. */
export function displayText(text: string): string {
  const hit = cleaned.get(text);
  if (hit !== undefined) return hit;
  const out = clean(text);
  if (cleaned.size >= CACHE_LIMIT) cleaned.clear();
  cleaned.set(text, out);
  return out;
}

function clean(text: string): string {
  let out = text;
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
  if (UNSAFE_TEST.test(out)) out = out.replace(UNSAFE, '');
  return out;
}

/** 2021-01-29 → 2021年1月29日 (the date style of a 公文's 成文日期). */
export function chineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
