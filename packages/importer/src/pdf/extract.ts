/**
 * What a PDF page holds for the importer: its text runs with their boxes, and its ruling lines (the
 * strokes and thin filled rectangles that draw table borders), both in page space (points, y up).
 * Read with pdfjs-dist (legacy build: Node 20). Nothing is rendered.
 */

export interface TextRun {
  text: string;
  /** Left, baseline, right, top in page space. */
  x: number;
  y: number;
  right: number;
  top: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  page: number;
}

/** A horizontal (y fixed) or vertical (x fixed) ruling segment. */
export interface Segment {
  horizontal: boolean;
  /** The fixed coordinate. */
  at: number;
  from: number;
  to: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** A line thinner than this (points) is a rule, not a shape. */
const THIN = 3;

/** Points of each sub-path of a pdfjs path buffer (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quad, 4 close). */
function subPaths(buffer: ArrayLike<number>): { points: [number, number][]; curved: boolean }[] {
  const paths: { points: [number, number][]; curved: boolean }[] = [];
  let current: { points: [number, number][]; curved: boolean } | undefined;
  for (let i = 0; i < buffer.length; ) {
    const op = buffer[i]!;
    if (op === 0) {
      current = { points: [[buffer[i + 1]!, buffer[i + 2]!]], curved: false };
      paths.push(current);
      i += 3;
    } else if (op === 1) {
      current?.points.push([buffer[i + 1]!, buffer[i + 2]!]);
      i += 3;
    } else if (op === 2) {
      if (current) current.curved = true;
      current?.points.push([buffer[i + 5]!, buffer[i + 6]!]);
      i += 7;
    } else if (op === 3) {
      if (current) current.curved = true;
      current?.points.push([buffer[i + 3]!, buffer[i + 4]!]);
      i += 5;
    } else {
      if (current && current.points.length > 0) current.points.push(current.points[0]!);
      i += 1;
    }
  }
  return paths;
}

function segmentOf(a: [number, number], b: [number, number]): Segment | undefined {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= 0.5 && dx > 0.5)
    return { horizontal: true, at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) };
  if (dx <= 0.5 && dy > 0.5)
    return { horizontal: false, at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) };
  return undefined;
}

/** A filled rectangle: a thin one is a rule (its centre line); a large one is shading, not a border. */
function filledRule(points: [number, number][]): Segment | undefined {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 <= THIN && x1 - x0 > THIN) return { horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1 };
  if (x1 - x0 <= THIN && y1 - y0 > THIN) return { horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1 };
  return undefined;
}

// pdfjs OPS codes (stable across 4.x/5.x); read from the module at run time to be safe.
interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

/** The ruling segments of a page's operator list, with the transformation matrix tracked. */
export function rulings(fnArray: number[], argsArray: unknown[][], OPS: Ops): Segment[] {
  const segments: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const strokes = new Set([OPS.stroke, OPS.closeStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const both = new Set([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i];
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (fn === OPS.paintFormXObjectBegin && Array.isArray(args?.[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const buffer = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!buffer) continue;
      const isStroke = strokes.has(paint) || both.has(paint);
      const isFill = fills.has(paint) || both.has(paint);
      if (!isStroke && !isFill) continue;
      for (const path of subPaths(buffer)) {
        if (path.curved) continue;
        const points = path.points.map(([x, y]) => apply(ctm, x, y));
        const rule = isFill ? filledRule(points) : undefined;
        if (rule) {
          segments.push(rule);
          continue;
        }
        if (!isStroke) continue;
        for (let p = 1; p < points.length; p++) {
          const segment = segmentOf(points[p - 1]!, points[p]!);
          if (segment) segments.push(segment);
        }
      }
    }
  }
  return segments;
}

interface PdfjsItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/**
 * CJK radicals some PDF writers (Chrome's Skia among them) map their glyphs to in the text layer:
 * 上海市⼈⺠政府 for 上海市人民政府. The Kangxi radicals (U+2F00–U+2FDF) have NFKC forms; the supplement's
 * (U+2E80–U+2EFF) do not, so the ones that stand for a whole character are listed.
 */
const RADICALS: Record<string, string> = Object.fromEntries(
  [
    ...'⺁厂⺇几⺊卜⺌小⺓幺⺛无⺞歹⺟母⺠民⺧牛⺩王⺬示⺮竹⺶羊⺼月⺽臼⻁虎⻄西⻅见⻆角⻉贝⻊足⻋车⻑長⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻡首⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻬齐⻮齿⻰龙⻳龟',
  ].reduce<[string, string][]>((pairs, char, index, chars) => {
    if (index % 2 === 0) pairs.push([char, chars[index + 1]!]);
    return pairs;
  }, []),
);

export function plainCjk(text: string): string {
  return /[\u2E80-\u2FDF]/.test(text)
    ? text.replace(/[\u2E80-\u2FDF]/g, (char) => RADICALS[char] ?? char.normalize('NFKC'))
    : text;
}

/** Text runs of a page from getTextContent (empty and blank runs dropped). */
export function textRuns(items: PdfjsItem[], page: number): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || item.str.trim() === '') continue;
    const [a, b, c, d, e, f] = item.transform as Matrix;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    const vertical = Math.abs(b) > Math.abs(a);
    // Rotated text (a vertical label set with a rotated matrix) advances along y.
    const right = vertical ? e + size : e + item.width;
    const top = vertical ? f + item.width : f + size;
    runs.push({ text: plainCjk(item.str), x: e, y: f, right, top, size, page });
  }
  return runs;
}
