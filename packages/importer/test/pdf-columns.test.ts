/**
 * Table 三 in a PDF whose 法人或其他组织 columns are ruled but left blank (a county office that fills only
 * 自然人 and 总计), continued on the next page without its leftmost columns (the row-group label was
 * written on the page before). Made from nianbao's own rendering of examples/sample-bureau-2021.yaml with
 * those numbers and borders taken out. Every value must stay in its own column: the columns come from the
 * rulings and the header above, never from the order of the non-blank values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSource } from '../src/import.js';
import type { PdfPage, TextRun } from '../src/pdf/extract.js';
import { pageTables } from '../src/pdf/grid.js';
import { pdfSource } from '../src/pdf/layout.js';
import { readPdf } from '../src/pdf/read.js';
import { example, imported } from './helpers.js';

const pdf = join(import.meta.dirname, 'fixtures', 'nianbao-sample-bureau-2021.pdf');

async function pages(): Promise<PdfPage[]> {
  const reading = await readPdf(new Uint8Array(readFileSync(pdf)));
  if (!reading.ok) throw new Error(reading.problem.message.en);
  return reading.pages;
}

/** Table 三's parts: the tables with its 11 column boundaries (label columns, 自然人, five 法人, 总计). */
function tableThree(page: PdfPage) {
  return pageTables(page.number, page.segments, page.runs).find((table) => table.xs.length === 11);
}

const centre = (run: TextRun) => ({ x: (run.x + run.right) / 2, y: (run.y + run.top) / 2 });

/** The page without the numbers of table 三's 法人或其他组织 columns (their borders stay). */
function blankLegalColumns(page: PdfPage): PdfPage {
  const table = tableThree(page);
  if (!table) return page;
  const [from, to] = [table.xs[4]!, table.xs[9]!];
  const inLegal = (run: TextRun) => {
    const { x, y } = centre(run);
    return x > from && x < to && y < table.box.y1 && y > table.box.y0 && /^\d+$/.test(run.text.trim());
  };
  return { ...page, runs: page.runs.filter((run) => !inLegal(run)) };
}

/** The page with table 三's part starting at its third column boundary (labels, borders left of it gone). */
function withoutLeftColumns(page: PdfPage, shift = 0): PdfPage {
  const table = tableThree(page);
  if (!table) return page;
  const left = table.xs[2]!;
  const inside = (y: number) => y <= table.box.y1 + 1 && y >= table.box.y0 - 1;
  const segments = page.segments
    .filter((s) => s.horizontal || !inside((s.from + s.to) / 2) || s.at >= left - 1)
    .map((s) => (s.horizontal && inside(s.at) ? { ...s, from: Math.max(s.from, left) } : s))
    // Moving one inner border makes the part's columns no longer those of the page before.
    .map((s) =>
      !s.horizontal && inside((s.from + s.to) / 2) && Math.abs(s.at - table.xs[5]!) < 1
        ? { ...s, at: s.at + shift }
        : s,
    );
  // Row-group labels (三、…, （六）其他处理) were on the page before; labels of whole rows (总计) move right.
  const runs = page.runs
    .filter(
      (run) => !(inside(centre(run).y) && centre(run).x < left && /^(三、|[（(][一二三四五六][）)])/.test(run.text)),
    )
    .map((run) =>
      inside(centre(run).y) && centre(run).x < left
        ? { ...run, x: left + 1, right: left + 1 + run.right - run.x }
        : run,
    );
  return { ...page, segments, runs };
}

/**
 * The page with each vertical border of table 三's part drawn twice, 2.2 points apart (as Chromium draws
 * a cell's own border beside its neighbour's): a blank sliver column between every two columns, and no
 * repeated header (the text above its first row) to say which column is which.
 */
function doubleRuledWithoutHeader(page: PdfPage): PdfPage {
  const first = page.runs.find((run) => run.text.startsWith('1.申请人无正当理由'))!;
  const table = pageTables(page.number, page.segments, page.runs).find((t) => t.box.y1 > first.top)!;
  const inside = (y: number) => y <= table.box.y1 + 1 && y >= table.box.y0 - 1;
  const doubled = page.segments
    .filter((s) => !s.horizontal && inside((s.from + s.to) / 2))
    .map((s) => ({ ...s, at: s.at + 2.2 }));
  const runs = page.runs.filter((run) => !(inside(centre(run).y) && run.y > first.top + 2));
  return { ...page, segments: [...page.segments, ...doubled], runs };
}

type Tree = { [key: string]: Tree | number | null };

/** The sample's table 三 with every 法人或其他组织 cell not reported. */
function expectedApplications(): Tree {
  const clear = (node: Tree): Tree =>
    Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        if (key === 'legalPersonOrOtherOrganization')
          return [key, Object.fromEntries(Object.keys(value as Tree).map((leaf) => [leaf, null]))];
        return [key, value && typeof value === 'object' ? clear(value) : value];
      }),
    );
  const sections = example('sample-bureau-2021.yaml').sections as { applications: { table: Tree } };
  return clear(sections.applications.table);
}

function applications(list: PdfPage[]): Tree {
  const result = imported(importSource(pdfSource(list), 'blank-columns.pdf', { partial: true }));
  return (result.document.sections as unknown as { applications: { table: Tree } }).applications.table;
}

/** Leaves of a table as pointer → value. */
function leaves(node: Tree, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(node)) {
    if (value && typeof value === 'object') for (const entry of leaves(value, `${path}/${key}`)) out.set(...entry);
    else out.set(`${path}/${key}`, value);
  }
  return out;
}

describe('table 三 with blank ruled 法人或其他组织 columns', () => {
  it('reads 自然人 and 总计 in their columns and leaves the blank ones not reported', async () => {
    const list = (await pages()).map(blankLegalColumns);
    expect(applications(list)).toEqual(expectedApplications());
  });

  it('puts a part continued without its left columns on the columns of the page before', async () => {
    const list = (await pages()).map(blankLegalColumns);
    const parts = list.filter((page) => tableThree(page));
    expect(parts.length).toBe(2);
    const last = parts[1]!.number - 1;
    list[last] = withoutLeftColumns(list[last]!);
    expect(applications(list)).toEqual(expectedApplications());
  });

  it('reads nothing by position from a double-ruled part without a header whose columns do not match', async () => {
    const list = (await pages()).map(blankLegalColumns);
    const last = list.filter((page) => tableThree(page))[1]!.number - 1;
    list[last] = doubleRuledWithoutHeader(withoutLeftColumns(list[last]!, 12));
    const want = leaves(expectedApplications());
    let read = 0;
    for (const [pointer, value] of leaves(applications(list))) {
      if (value === null) continue;
      expect(value, pointer).toBe(want.get(pointer));
      read++;
    }
    // The first page's rows are read; the continued part's are not placed (a sliver or a column?).
    expect(read).toBeGreaterThan(10);
    expect(read).toBeLessThan([...want.values()].filter((value) => value !== null).length);
  });
});
