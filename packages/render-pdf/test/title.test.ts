/** The title breaks between words, never inside one, into balanced lines; and the PDF shows it so. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildViewModel } from '@nianbao/view-model';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadFonts } from '../src/fonts.js';
import { renderPdf } from '../src/index.js';
import { textWidth } from '../src/metrics.js';
import { CONTENT_WIDTH } from '../src/table.js';
import { balancedLines, titleWords } from '../src/title.js';
import { examples } from './examples.js';

vi.setConfig({ testTimeout: 60_000 });
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-title-'));
mkdirSync(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const TITLES = [
  '池州市人民防空办公室2020年政府信息公开工作年度报告',
  '某市示范局（示例数据）2023年政府信息公开工作年度报告',
  '新疆维吾尔自治区巴音郭楞蒙古自治州和静县人民政府办公室2023年政府信息公开工作年度报告',
  '国家发展和改革委员会2022年政府信息公开工作年度报告',
];

describe('title lines', () => {
  const font = loadFonts().serifBold;
  it.each(TITLES)('%s: whole words, balanced', (title) => {
    const lines = balancedLines(font, 22, title, CONTENT_WIDTH);
    expect(lines.join('')).toBe(title);
    const words = titleWords(title);
    // Every line ends at a word boundary.
    let at = 0;
    const boundaries = new Set(words.map((word) => (at += word.length)));
    let end = 0;
    for (const line of lines) expect(boundaries.has((end += line.length)), line).toBe(true);
    for (const line of lines) expect(textWidth(font, line, 22)).toBeLessThanOrEqual(CONTENT_WIDTH + 0.01);
    // Balanced: no line shorter than half the longest (greedy filling would leave a stub).
    const widths = lines.map((line) => textWidth(font, line, 22));
    if (lines.length > 1) expect(Math.min(...widths)).toBeGreaterThan(Math.max(...widths) / 2);
  });

  it('never splits 公开 or a name such as 办公室', () => {
    for (const title of TITLES) {
      for (const line of balancedLines(font, 22, title, CONTENT_WIDTH)) {
        expect(line).not.toMatch(/公$|^开|办公$|^室/);
      }
    }
  });
});

describe.each(examples)('$name', ({ name, report }) => {
  it('the PDF sets the title on balanced lines broken between words', async () => {
    const file = join(tmp, `${name}.pdf`);
    writeFileSync(file, await renderPdf(report));
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const view = buildViewModel(report);
    const expected = balancedLines(loadFonts().serifBold, 22, view.title, CONTENT_WIDTH);
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    expect(lines.slice(0, expected.length).map((line) => line.trim())).toEqual(expected);
    // The page image the README shows: the first page of the seed report as published.
    if (name === 'chizhou-rfb-2020') {
      const png = fileURLToPath(new URL('../docs/chizhou-rfb-2020-page-1', import.meta.url));
      execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', '1', '-l', '1', file, png]);
      expect(readFileSync(`${png}.png`).subarray(1, 4).toString()).toBe('PNG');
    }
  });
});

describe('a line before an unbreakable Latin run', () => {
  it('is left unjustified rather than spread letter by letter (the line before an e-mail address)', async () => {
    const file = join(tmp, 'email.pdf');
    writeFileSync(file, await renderPdf(examples[1]!.report));
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const line = text.split('\n').find((l) => l.includes('示范路'))!;
    // Spread letters come out of pdftotext as separate words; set tight, the line is one run.
    expect(line).toContain('某市示范路1号；电话：0000-00000000；电子邮箱：');
    expect(text).toContain('gongkai@example.org');
  });
});
