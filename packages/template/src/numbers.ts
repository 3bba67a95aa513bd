/**
 * Numbers as reports write them: ASCII or full-width digits, spaces around (PDF text: 申请 17 件),
 * thousands separators (1,234 / 1，234), and Chinese numerals (十七, 一百零三, 两千零五, 1万). Shared by
 * the validator (numbers stated in the text, T-TEXT) and the importer (numbering of rows and headings).
 */
const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Full-width digits as ASCII, spaces and thousands separators dropped. */
const arabic = (text: string): string =>
  text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace(/[\s,，]/g, '');

/** A written number as an integer; undefined when the text is not one number. */
export function readWrittenNumber(written: string): bigint | undefined {
  const text = written.trim();
  const plain = arabic(text);
  if (/^[0-9]+$/.test(plain)) {
    // Separators only between groups of three (1,234): "1,2" is two numbers, not twelve.
    if (/[,，]/.test(text) && !/^[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+$/.test(text.replace(/\s/g, '')))
      return undefined;
    return BigInt(plain);
  }
  const wan = /^([0-9]+)万$/.exec(plain);
  if (wan) return BigInt(wan[1]!) * 10000n;
  return chinese(text);
}

/** 十七 → 17, 一百零三 → 103, 两千零五 → 2005, 三万二千 → 32000, 二〇二一 → 2021 (digit by digit). */
function chinese(text: string): bigint | undefined {
  if (text === '' || ![...text].every((char) => char in DIGITS || char in UNITS || char === '万')) return undefined;
  if (![...text].some((char) => char in UNITS || char === '万')) {
    return BigInt([...text].map((char) => DIGITS[char]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char in DIGITS) {
      digit = DIGITS[char]!;
    } else if (char === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
    } else {
      // 十 alone (十七) is one ten.
      section += (digit ?? 1) * UNITS[char]!;
      digit = undefined;
    }
  }
  return BigInt(total + section + (digit ?? 0));
}
