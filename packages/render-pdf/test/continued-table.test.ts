/**
 * Table 三 continued on the next page: its row-group label (三、本年度办理结果) is shown on both pages,
 * within the group's rows, and the table is closed by a rule at the foot of the first page. Text
 * positions from pdfjs (what a reader's viewer sees); the rules from the pixels pdftoppm draws.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildViewModel, type TableView } from '@nianbao/view-model';
import { MARGINS, renderPdf } from '../src/index.js';
import { CONTENT_WIDTH } from '../src/table.js';
import { examples } from './examples.js';

/** Right of table 三's first column (1.45 of 14.45 parts of the type area): the group labels' lines start left of it. */
const LABEL_COLUMN = MARGINS.left + (CONTENT_WIDTH * 1.45) / 14.45;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-continued-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Line {
  page: number;
  text: string;
  x: number;
  /** Baseline, from the top of the page, in points. */
  y: number;
  /** Font size, in points. */
  size: number;
}

async function textLines(pdf: Uint8Array): Promise<Line[]> {
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: Line[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const height = page.getViewport({ scale: 1 }).height;
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      out.push({
        page: n,
        text: item.str,
        x: item.transform[4],
        y: height - item.transform[5],
        size: item.transform[0],
      });
    }
  }
  await doc.destroy();
  return out;
}

/** A page as grey pixels (pdftoppm -gray, binary PGM), 0 black to 255 white. */
function raster(file: string, page: number, dpi: number) {
  const base = join(dir, `page-${page}`);
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-gray',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    base,
  ]);
  const data = readFileSync(`${base}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'))!;
  const width = Number(header[1]);
  const offset = header[0].length;
  return { width, height: Number(header[2]), at: (x: number, y: number) => data[offset + y * width + x]! };
}

/** The group of table 三 whose label stands over more rows than a page break may leave together. */
function longGroup(table: TableView) {
  for (const group of table.groups)
    for (const [index, row] of group.rows.entries())
      for (const cell of row.cells)
        if (cell.kind === 'header' && cell.rowSpan > 8) {
          // The label of each row it stands over (the row's last header cell).
          const labels = group.rows.slice(index, index + cell.rowSpan).map((r) => {
            const header = r.cells.filter((c) => c.kind === 'header').at(-1);
            return header?.kind === 'header' ? header.text : '';
          });
          return { label: cell.text, labels };
        }
  throw new Error(`${table.key}: no long row group`);
}

describe.each(examples)('$name: table 三 continued on the next page', ({ name, report }) => {
  const view = buildViewModel(report);
  const table = view.sections
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b.kind === 'table' ? [b.table] : []))
    .find((t) => t.key === 'applications')!;
  const group = longGroup(table);
  const file = join(dir, `${name}.pdf`);
  let lines: Line[] = [];

  it('shows the group label on every page the group is on, below the repeated header', async () => {
    const pdf = await renderPdf(report);
    writeFileSync(file, pdf);
    lines = await textLines(pdf);
    // The pages the group's rows are on (the first line of each row label starts it; table text is 9 pt).
    const rowPages = new Set(
      group.labels
        .filter((label) => label.length >= 4)
        .flatMap((label) =>
          lines.filter(
            (l) => l.size < 10 && l.text.length >= 4 && label.startsWith(l.text.slice(0, 4)) && l.x > MARGINS.left + 40,
          ),
        )
        .map((l) => l.page),
    );
    expect(rowPages.size, 'the examples split the group across two pages').toBe(2);
    // The label is broken into lines in its narrow column: its first line starts the label.
    const labelLines = lines.filter((l) => l.size < 10 && group.label.includes(l.text) && l.x < LABEL_COLUMN);
    const labelStarts = labelLines.filter((l) => group.label.startsWith(l.text) && l.text.startsWith('三'));
    expect(new Set(labelStarts.map((l) => l.page))).toEqual(rowPages);
    for (const start of labelStarts) {
      // The lines below its first, in order, make the whole label (within 3 lines of 9 pt: not another cell's).
      const below = labelLines
        .filter((l) => l.page === start.page && l.y >= start.y && l.y < start.y + 3 * 9 * 1.35 + 1)
        .sort((a, b) => a.y - b.y);
      expect(below.map((l) => l.text).join('')).toBe(group.label);
      const header = lines.find((l) => l.page === start.page && l.text === '申请人情况');
      expect(header, `table header on page ${start.page}`).toBeDefined();
      expect(start.y).toBeGreaterThan(header!.y);
    }
  });

  it('closes the table with a rule at the foot of the page it breaks on', () => {
    const first = Math.min(...lines.filter((l) => l.text.startsWith('三') && l.x < LABEL_COLUMN).map((l) => l.page));
    const dpi = 100;
    const px = (pt: number) => Math.round((pt * dpi) / 72);
    const page = raster(file, first, dpi);
    const left = px(MARGINS.left);
    const right = px(MARGINS.left + CONTENT_WIDTH);
    // The table's left rule: the darkest column near the left margin; its lowest dark pixel is the foot.
    const dark = (x: number, y: number) => page.at(x, y) < 128;
    const darkIn = (x: number) => {
      let n = 0;
      for (let y = 0; y < page.height; y++) if (dark(x, y)) n++;
      return n;
    };
    const column = [left - 2, left - 1, left, left + 1, left + 2].reduce((a, b) => (darkIn(b) > darkIn(a) ? b : a));
    let bottom = -1;
    for (let y = px(MARGINS.top); y < page.height - px(MARGINS.bottom) + 2; y++) if (dark(column, y)) bottom = y;
    expect(bottom).toBeGreaterThan(0);
    // At the foot, a rule across the whole table (in the label's column too), within a pixel.
    const coverage = Math.max(
      ...[bottom - 1, bottom, bottom + 1].map((y) => {
        let n = 0;
        for (let x = left; x < right; x++) if (dark(x, y)) n++;
        return n / (right - left);
      }),
    );
    expect(coverage).toBeGreaterThan(0.98);
    // The label's lines are inside the table on that page.
    const label = lines.filter((l) => l.page === first && l.x < LABEL_COLUMN && group.label.includes(l.text));
    for (const l of label) expect(px(l.y)).toBeLessThan(bottom);
  });

  if (name === 'chizhou-rfb-2020')
    it('makes the README pictures of the break', () => {
      const docs = fileURLToPath(new URL('../docs/', import.meta.url));
      mkdirSync(docs, { recursive: true });
      const first = Math.min(...lines.filter((l) => l.text.startsWith('三') && l.x < LABEL_COLUMN).map((l) => l.page));
      for (const [page, png] of [
        [first, 'table-3-page-foot'],
        [first + 1, 'table-3-continued'],
      ] as const) {
        const out = join(docs, `chizhou-rfb-2020-${png}`);
        const y = page === first ? 500 : 60;
        execFileSync('pdftoppm', [
          ...['-r', '72', '-png', '-singlefile', '-f', String(page), '-l', String(page)],
          ...['-x', '60', '-y', String(y), '-W', '480', '-H', '220', file, out],
        ]);
        expect(readFileSync(`${out}.png`).subarray(1, 4).toString()).toBe('PNG');
        // The whole page too, for the project's README.
        const whole = join(docs, `chizhou-rfb-2020-${png}-page`);
        execFileSync('pdftoppm', [
          '-r',
          '60',
          '-png',
          '-singlefile',
          '-f',
          String(page),
          '-l',
          String(page),
          file,
          whole,
        ]);
        expect(readFileSync(`${whole}.png`).subarray(1, 4).toString()).toBe('PNG');
      }
    });
});
