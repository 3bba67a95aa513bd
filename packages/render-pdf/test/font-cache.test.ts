/**
 * pdfkit's font() remembers the font it chose for each font object react-pdf passes (pdfkit-fonts.ts):
 * the same embedded font comes back, size and state as pdfkit sets them, named fonts untouched, and a
 * rendered report embeds each font once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FILES, renderPdf } from '../src/index.js';
import { examples } from './examples.js';

interface Doc {
  _font: { font: object; name: string };
  _fontSize: number;
  _fontSource: unknown;
  font(src: unknown, size?: number): Doc;
}
const newDoc = () => new (PDFDocument as unknown as new (options: object) => Doc)({ autoFirstPage: false });

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('font objects', () => {
  it('give back the font pdfkit chose the first time, with the size set', async () => {
    await renderPdf(examples[0]!.report); // installs the cache
    const doc = newDoc();
    doc.font(FONT_FILES.serifRegular);
    const embedded = doc._font;
    const fontkitFont = embedded.font;
    doc.font('Helvetica');
    expect(doc._font.name).toBe('Helvetica');
    doc.font(fontkitFont, 12);
    expect(doc._font).toBe(embedded); // pdfkit's own comparison found the equal font
    expect(doc._fontSize).toBe(12);
    doc.font('Helvetica', 9);
    doc.font(fontkitFont, 16);
    expect(doc._font).toBe(embedded); // from the cache this time
    expect(doc._fontSize).toBe(16);
    expect(doc._fontSource).toBe(fontkitFont);
    // Another document has its own fonts.
    const other = newDoc();
    other.font(fontkitFont, 10);
    expect(other._font).not.toBe(embedded);
    expect(other._font.font).toBe(fontkitFont);
  });

  it('a rendered report embeds each of its fonts once', async () => {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, await renderPdf(examples[1]!.report));
    const names = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(new Set(names).size).toBe(names.length);
  });
});
