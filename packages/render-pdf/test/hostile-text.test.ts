/**
 * Hostile and unusual text in the PDF: markup, template syntax, control and bidi characters, zero-width
 * characters, characters the embedded font does not have, and a 50,000-character paragraph without a
 * space (70,000 characters). The PDF must render, pass `qpdf --check`, and pdftotext must find every character that was
 * written (whitespace and page numbers aside): nothing clipped, nothing lost, nothing drawn as a wrong
 * glyph. One render for all of it: a PDF with the long line takes seconds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayText } from '@nianbao/view-model';
import { renderPdf } from '../src/index.js';
import { clone, examples } from './examples.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * 70,000 characters without a space, in one script (Han and its punctuation): react-pdf's textkit
 * hyphenates a run of one script as one word, and at about 65,000 characters used to overflow the call
 * stack. And 10,000 Latin letters and digits without a space, which break only every 24 characters.
 */
const PATTERN = '政府信息公开工作年度报告按照条例要求编制并予以公开，';
const LONG_LINE = Array.from({ length: 70_000 }, (_, i) => PATTERN[i % PATTERN.length]).join('');
const LONG_LATIN = Array.from({ length: 10_000 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[i % 36]).join('');
const MARKUP = [
  '<script>alert("x")</script>',
  '"><img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}} {{{triple}}} {{> partial}}',
  '</Text><Page>%PDF-1.7 endobj trailer (unbalanced ( parens \\) and \\ backslashes',
];
/** Written with invisible characters; read back without them. */
const INVISIBLE = [
  '零\u200B宽\u200C字\u200D符\u2060与\uFEFF字节序标记\u00AD。',
  '正常文字\u202E倒序\u202C结束\u2066隔离\u2069\u200E\u200F标记。',
];
const CONTROLS = 'NUL\u0000BEL\u0007ESC\u001BDEL\u007FC1\u0085\u009B结束。';
/** Characters outside the embedded Noto SC fonts: a CJK Extension B name character, an emoji, Hangul. */
const MISSING = '姓名𠮷田，表情😀，한글。';
const MISSING_CHARS = ['𠮷', '😀', '한', '글'];

const squash = (text: string) => text.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');
let extracted = '';
let lines: string[] = [];
let file = '';

beforeAll(async () => {
  const report = clone(examples[1]!.report);
  report.preface.paragraphs = [
    ...MARKUP,
    ...INVISIBLE,
    CONTROLS,
    MISSING,
    LONG_LINE,
    LONG_LATIN,
    report.preface.paragraphs[0]!,
  ];
  report.metadata.agency.name = '<b>某局</b>&"\'𠮷';
  const pdf = await renderPdf(report);
  file = join(dir, 'hostile.pdf');
  writeFileSync(file, pdf);
  extracted = squash(
    execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }),
  );
  lines = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}, 300_000);

describe('hostile text in the PDF', () => {
  it('renders a valid PDF', () => {
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('the 70,000-character line is all there, in order, and no line of it starts with a closing mark; so is the Latin one', () => {
    expect(extracted).toContain(LONG_LINE);
    const alphabet = new Set(PATTERN);
    const wrapped = lines.filter((line) => [...line].every((char) => alphabet.has(char)));
    expect(wrapped.length).toBeGreaterThan(2000);
    expect(wrapped.filter((line) => line.startsWith('，'))).toEqual([]);
    expect(extracted).toContain(LONG_LATIN);
  });

  it('markup and template syntax are printed as written', () => {
    for (const text of MARKUP) expect(extracted).toContain(squash(text));
    expect(extracted).toContain(squash('<b>某局</b>&"\''));
  });

  it('control, bidi and zero-width characters draw nothing; the text around them reads on', () => {
    expect(extracted).toContain('零宽字符与字节序标记。');
    expect(extracted).toContain('正常文字倒序结束隔离标记。');
    expect(extracted).toContain(squash(displayText(CONTROLS)));
  });

  it('a character the font lacks is shown as 〓 (the 缺字 mark), never as a wrong glyph', () => {
    expect(extracted).toContain('姓名〓田，表情〓，〓〓。');
    for (const char of MISSING_CHARS) expect(extracted).not.toContain(char);
    // Nothing but the report's own characters (and the 缺字 mark) was drawn.
    const written = new Set([
      ...squash(
        [
          ...MARKUP,
          ...INVISIBLE,
          CONTROLS,
          MISSING,
          LONG_LINE,
          LONG_LATIN,
          JSON.stringify(examples[1]!.report),
          '<b>某局</b>&"\'〓2023年政府信息公开工作年度报告（）—一二三四五六七八九十',
        ].join(''),
      ),
    ]);
    const strangers = [...new Set([...extracted].filter((char) => !written.has(char)))];
    expect(strangers.filter((char) => !/[\p{Script=Han}\p{P}\p{N}]/u.test(char))).toEqual([]);
  });
});
