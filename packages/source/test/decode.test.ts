import { describe, expect, it } from 'vitest';
import { parseReportSource } from '../src/index.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string, order: 'le' | 'be', bom = true) => {
  const bytes: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (order === 'le') bytes.push(unit & 0xff, unit >> 8);
    else bytes.push(unit >> 8, unit & 0xff);
  }
  return new Uint8Array(bytes);
};

function problemOf(bytes: Uint8Array, name = 'report.yaml') {
  const result = parseReportSource(bytes, name);
  if (result.ok) throw new Error('expected a problem, got a document');
  return result.problem;
}

describe('encodings', () => {
  it('reads UTF-8 and drops a BOM', () => {
    const result = parseReportSource(
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('name: 池州市人民防空办公室\n')]),
      'r.yaml',
    );
    expect(result.ok && result.document).toEqual({ name: '池州市人民防空办公室' });
    expect(result.ok && result.encoding).toBe('utf-8');
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    for (const order of ['le', 'be'] as const) {
      const result = parseReportSource(utf16('{"name": "示范局"}', order), 'r.json');
      expect(result.ok && result.document).toEqual({ name: '示范局' });
      expect(result.ok && result.encoding).toBe(`utf-16${order}`);
    }
  });

  it('names the byte offset, line and likely encoding of GBK bytes', () => {
    // "a: 1\nname: 中文" with 中文 in GBK (D6 D0 CE C4).
    const bytes = new Uint8Array([...utf8('a: 1\nname: '), 0xd6, 0xd0, 0xce, 0xc4, 0x0a]);
    const p = problemOf(bytes);
    expect(p.code).toBe('BAD_ENCODING');
    expect(p.line).toBe(2);
    expect(p.column).toBe(7);
    expect(p.message.en).toContain('byte offset 11');
    expect(p.message.en).toContain('GBK');
    expect(p.message.en).toContain('Save the file as UTF-8');
    expect(p.message.zh).toContain('第 11 字节');
  });

  it('reports invalid UTF-8 that is not GBK without guessing', () => {
    const p = problemOf(new Uint8Array([...utf8('a: '), 0xff, 0x0a]));
    expect(p.code).toBe('BAD_ENCODING');
    expect(p.message.en).toContain('byte offset 3');
    expect(p.message.en).not.toContain('GBK');
  });

  it('refuses UTF-16 without a BOM with a hint, and UTF-32', () => {
    expect(problemOf(utf16('{"edition": "2021"}', 'le', false), 'r.json').message.en).toContain(
      'UTF-16 without a byte order mark',
    );
    expect(problemOf(new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0])).message.en).toContain('UTF-32');
  });

  it('says a binary file is not a text file', () => {
    const nul = problemOf(
      new Uint8Array([
        0x7b, 0x01, 0x02, 0x00, 0x9f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b,
      ]),
    );
    expect(nul.code).toBe('NOT_TEXT');
    expect(nul.message.en).toContain('NUL byte at byte offset 3');
    const pdf = problemOf(utf8('%PDF-1.7\n%âãÏÓ\n'));
    expect(pdf.code).toBe('NOT_TEXT');
    expect(pdf.message.en).toContain('PDF');
    const xlsx = problemOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'report.xlsx');
    expect(xlsx.message.en).toContain('Office');
  });

  it('says an empty file is empty', () => {
    expect(problemOf(new Uint8Array()).code).toBe('EMPTY');
    expect(problemOf(utf8(' \n\t\n')).code).toBe('EMPTY');
    expect(problemOf(new Uint8Array([0xef, 0xbb, 0xbf])).code).toBe('EMPTY');
    expect(problemOf(utf8('# only a comment\n')).code).toBe('EMPTY');
  });
});
