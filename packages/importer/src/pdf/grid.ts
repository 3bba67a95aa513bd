/**
 * Tables of a PDF page rebuilt from their ruling lines: the borders drawn give the row and column
 * boundaries, a missing border between two grid cells makes them one merged cell (a rowspan or
 * colspan), and each text run goes to the cell whose box holds its centre. The order in which the
 * text was drawn does not matter, so centred numbers, wrapped labels and labels written one character
 * per line (三、本年度办理结果) land in their cells.
 */
import type { Segment, TextRun } from './extract.js';

/** Coordinates closer than this (points) are the same border. */
const SNAP = 2;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfCell {
  text: string;
  box: Box;
  /** Grid rows and columns the cell covers (first, last). */
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export interface PdfTable {
  page: number;
  box: Box;
  /** Column boundaries, left to right; row boundaries, top to bottom. */
  xs: number[];
  ys: number[];
  cells: PdfCell[];
  /** The runs placed in the table (the rest of the page is text). */
  runs: Set<TextRun>;
}

/** Joins collinear segments that touch or overlap. */
function mergeSegments(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: Segment[][] = [];
  for (const segment of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.at - segment.at) <= SNAP / 2) line.push(segment);
    else lines.push([segment]);
  }
  const merged: Segment[] = [];
  for (const line of lines) {
    const at = line.reduce((sum, s) => sum + s.at, 0) / line.length;
    const spans = line.map((s) => [s.from, s.to] as [number, number]).sort((a, b) => a[0] - b[0]);
    let current: [number, number] | undefined;
    for (const span of spans) {
      if (current && span[0] <= current[1] + SNAP) current[1] = Math.max(current[1], span[1]);
      else {
        if (current) merged.push({ horizontal: line[0]!.horizontal, at, from: current[0], to: current[1] });
        current = [...span];
      }
    }
    if (current) merged.push({ horizontal: line[0]!.horizontal, at, from: current[0], to: current[1] });
  }
  return merged;
}

const crosses = (h: Segment, v: Segment): boolean =>
  v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;

/** Groups of segments that touch each other: one group per table. */
function components(horizontal: Segment[], vertical: Segment[]): { h: Segment[]; v: Segment[] }[] {
  const all = [...horizontal, ...vertical];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Sort verticals by x so each horizontal checks only those within its extent.
  const byX = vertical.map((v, i) => ({ v, i: horizontal.length + i })).sort((a, b) => a.v.at - b.v.at);
  horizontal.forEach((h, hi) => {
    let lo = 0;
    let hiIndex = byX.length;
    while (lo < hiIndex) {
      const mid = (lo + hiIndex) >> 1;
      if (byX[mid]!.v.at < h.from - SNAP) lo = mid + 1;
      else hiIndex = mid;
    }
    for (let k = lo; k < byX.length && byX[k]!.v.at <= h.to + SNAP; k++) {
      if (crosses(h, byX[k]!.v)) parent[find(hi)] = find(byX[k]!.i);
    }
  });
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  all.forEach((segment, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { h: [], v: [] }));
    (segment.horizontal ? group.h : group.v).push(segment);
  });
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}

/** Distinct coordinates, snapped together. */
function boundaries(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const result: number[] = [];
  for (const value of sorted) {
    if (result.length === 0 || value - result[result.length - 1]! > SNAP) result.push(value);
  }
  return result;
}

const covers = (segments: Segment[], at: number, point: number): boolean =>
  segments.some((s) => Math.abs(s.at - at) <= SNAP && s.from - SNAP <= point && s.to + SNAP >= point);

/** The merged cells of a grid: grid cells not separated by a drawn border are one cell. */
function mergedCells(xs: number[], ys: number[], h: Segment[], v: Segment[]): PdfCell[] {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < cols; c++) {
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < cols && !covers(v, xs[c + 1]!, midY)) parent[find(r * cols + c)] = find(r * cols + c + 1);
      if (r + 1 < rows && !covers(h, ys[r + 1]!, midX)) parent[find(r * cols + c)] = find((r + 1) * cols + c);
    }
  }
  const cells = new Map<number, PdfCell>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const cell = cells.get(root);
      if (!cell) {
        cells.set(root, { text: '', box: { x0: xs[c]!, y0: 0, x1: 0, y1: ys[r]! }, r0: r, r1: r, c0: c, c1: c });
        continue;
      }
      cell.r1 = Math.max(cell.r1, r);
      cell.c1 = Math.max(cell.c1, c);
      cell.c0 = Math.min(cell.c0, c);
    }
  }
  for (const cell of cells.values()) {
    // ys run top to bottom (descending page y).
    cell.box = { x0: xs[cell.c0]!, x1: xs[cell.c1 + 1]!, y1: ys[cell.r0]!, y0: ys[cell.r1 + 1]! };
  }
  return [...cells.values()];
}

/** A cell's runs as text: lines top to bottom, runs left to right; CJK joined without spaces. */
/** Marks a wide gap between two runs of a line outside any ruled table: columns aligned by position. */
export const COLUMN_GAP = '\u3000\u3000';
/** Stands for COLUMN_GAP while spaces are tidied (a private-use character is no space). */
const GAP = '\uE000';

export function joinRuns(runs: TextRun[], markGaps = false): string {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - run.y) <= Math.max(1, line[0]!.size * 0.4)) line.push(run);
    else lines.push([run]);
  }
  let text = '';
  let previousRight = Number.NEGATIVE_INFINITY;
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let lineText = '';
    for (const run of line) {
      const gap = run.x - previousRight;
      if (markGaps && lineText !== '' && gap > run.size * 1.5) lineText += GAP + run.text;
      else
        lineText +=
          lineText !== '' && gap > run.size * 0.25 && needsSpace(lineText, run.text) ? ` ${run.text}` : run.text;
      previousRight = run.right;
    }
    text = text === '' ? lineText : needsSpace(text, lineText) ? `${text} ${lineText}` : text + lineText;
    previousRight = Number.NEGATIVE_INFINITY;
  }
  // Justified lines spread their characters: a space is kept only between two Latin words.
  return text
    .replace(/\s+/g, ' ')
    .replace(/ (?![A-Za-z0-9])|(?<![A-Za-z0-9]) /g, '')
    .trim()
    .replaceAll(GAP, COLUMN_GAP);
}

const LATIN = /[A-Za-z0-9]/;

/** A space between two Latin words; none between CJK characters or around a CJK one. */
function needsSpace(before: string, after: string): boolean {
  const a = before.trimEnd().slice(-1);
  const b = after.trimStart().slice(0, 1);
  return LATIN.test(a) && LATIN.test(b);
}

function locate(boundariesList: number[], value: number, descending: boolean): number {
  for (let i = 0; i < boundariesList.length - 1; i++) {
    const [a, b] = [boundariesList[i]!, boundariesList[i + 1]!];
    if (descending ? value <= a && value >= b : value >= a && value <= b) return i;
  }
  return -1;
}

/** The tables of one page, from its ruling segments, with the runs inside them. */
export function pageTables(page: number, segments: Segment[], runs: TextRun[]): PdfTable[] {
  const horizontal = mergeSegments(segments.filter((s) => s.horizontal));
  const vertical = mergeSegments(segments.filter((s) => !s.horizontal));
  const tables: PdfTable[] = [];
  for (const group of components(horizontal, vertical)) {
    const xs = boundaries(group.v.map((s) => s.at));
    const ys = boundaries(group.h.map((s) => s.at)).reverse();
    if (xs.length < 2 || ys.length < 2) continue;
    const cells = mergedCells(xs, ys, group.h, group.v);
    const grid = new Map<string, PdfCell>();
    for (const cell of cells)
      for (let r = cell.r0; r <= cell.r1; r++) for (let c = cell.c0; c <= cell.c1; c++) grid.set(`${r},${c}`, cell);
    const inTable = new Set<TextRun>();
    const cellRuns = new Map<PdfCell, TextRun[]>();
    for (const run of runs) {
      const cx = (run.x + run.right) / 2;
      const cy = (run.y + run.top) / 2;
      const c = locate(xs, cx, false);
      const r = locate(ys, cy, true);
      if (c < 0 || r < 0) continue;
      const cell = grid.get(`${r},${c}`)!;
      inTable.add(run);
      const list = cellRuns.get(cell);
      if (list) list.push(run);
      else cellRuns.set(cell, [run]);
    }
    for (const [cell, list] of cellRuns) cell.text = joinRuns(list);
    const box = { x0: xs[0]!, x1: xs[xs.length - 1]!, y1: ys[0]!, y0: ys[ys.length - 1]! };
    // A frame around text (a box drawn round a paragraph or a page border) is not a table.
    if (xs.length < 3 && ys.length < 4) continue;
    tables.push({ page, box, xs, ys, cells, runs: inTable });
  }
  return tables.sort((a, b) => b.box.y1 - a.box.y1);
}
