/**
 * An upper estimate of YAML nesting read from the raw text, before the yaml package sees it.
 *
 * Why: the yaml parser recurses once per nesting level; around 1,000 levels it runs out of stack
 * and, worse, a few thousand levels make it exhaust memory and kill the process (an uncatchable
 * V8 out-of-memory). A few hundred bytes (`[[[[…` or `- - - …`) are enough, so nesting must be
 * bounded before parsing. The estimate counts indentation levels, compact indicators
 * (`- `, `? `, `key: `) and flow brackets outside quotes, comments and block scalars; it may
 * overshoot on odd text but never undershoots on real nesting, which is why it is compared with
 * a bound above the configured maximum (the exact depth is checked after parsing).
 */
export function estimateYamlNesting(text: string, bound: number): { offset: number } | undefined {
  return new NestingEstimate(text, bound).run();
}

type Quote = '"' | "'";
/** Where a line's tokens start: `p` the first offset to scan, `first` its first non-space. */
type LineStart = { p: number; first: number; indent: number; flowMode: boolean };

/** The scanner's state carried from line to line: open indentation levels, flow depth, open quote or block scalar. */
class NestingEstimate {
  private readonly indents: number[] = [];
  private flowDepth = 0;
  private quote: Quote | undefined;
  private blockScalarParent: number | undefined;
  private base = 0;

  constructor(
    private readonly text: string,
    private readonly bound: number,
  ) {}

  run(): { offset: number } | undefined {
    const n = this.text.length;
    let lineStart = 0;
    while (lineStart < n) {
      let lineEnd = this.text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = n;
      const over = this.line(lineStart, lineEnd);
      if (over) return over;
      lineStart = lineEnd + 1;
    }
    return undefined;
  }

  private line(lineStart: number, lineEnd: number): { offset: number } | undefined {
    const start = this.openLine(lineStart, lineEnd);
    if (!start) return undefined;
    const block = this.scanBlock(start, lineEnd);
    const outer = this.base + block.extra;
    if (outer + this.flowDepth > this.bound) return { offset: start.first < lineEnd ? start.first : lineStart };
    return block.flowMode ? this.scanFlow(block.p, lineStart, lineEnd, outer) : undefined;
  }

  /**
   * Indentation, the end of a block scalar or of a quoted scalar from an earlier line, and the new
   * indentation level; undefined for a line that adds no nesting (blank, comment, inside a scalar).
   */
  private openLine(lineStart: number, lineEnd: number): LineStart | undefined {
    const { text } = this;
    let indent = 0;
    while (lineStart + indent < lineEnd && text[lineStart + indent] === ' ') indent++;
    const first = lineStart + indent;
    const blank = first >= lineEnd || text[first] === '\r';
    if (this.blockScalarParent !== undefined) {
      if (blank || indent > this.blockScalarParent) return undefined;
      this.blockScalarParent = undefined;
    }
    if (this.quote) {
      const after = this.skipQuoted(lineStart, lineEnd, this.quote);
      if (after === -1) return undefined;
      this.quote = undefined;
      return { p: after, first, indent, flowMode: this.flowDepth > 0 };
    }
    if (this.flowDepth > 0) return { p: lineStart, first, indent, flowMode: true };
    if (blank || text[first] === '#' || text.startsWith('---', first) || text.startsWith('...', first))
      return undefined;
    while (this.indents.length > 0 && this.indents[this.indents.length - 1]! >= indent) this.indents.pop();
    this.indents.push(indent);
    this.base = this.indents.length;
    return { p: first, first, indent, flowMode: false };
  }

  /** Block tokens of the line, up to a flow collection, a block scalar, a comment or the end. */
  private scanBlock(start: LineStart, lineEnd: number): { p: number; extra: number; flowMode: boolean } {
    const { text } = this;
    let { p, flowMode } = start;
    let extra = 0;
    scan: while (!flowMode && p < lineEnd) {
      const c = text[p]!;
      const following = text[p + 1];
      const spaceAfter =
        following === undefined || following === ' ' || following === '\t' || following === '\r' || p + 1 >= lineEnd;
      if (c === ' ' || c === '\t' || c === '\r') p++;
      else if ((c === '-' || c === '?' || c === ':') && spaceAfter) {
        extra++;
        p++;
      } else if (c === '&' || c === '!' || c === '*') {
        while (p < lineEnd && text[p] !== ' ') p++;
      } else if (c === '[' || c === '{') {
        flowMode = true;
      } else if (c === '|' || c === '>') {
        this.blockScalarParent = start.indent;
        break;
      } else if (c === '#') {
        break;
      } else if (c === '"' || c === "'") {
        const after = this.skipQuoted(p + 1, lineEnd, c);
        if (after === -1) {
          this.quote = c;
          break;
        }
        p = after;
      } else {
        // A plain scalar: it ends at `: ` (then it was a key), ` #` or the end of the line.
        while (p < lineEnd) {
          const d = text[p];
          const after = text[p + 1];
          if (
            d === ':' &&
            (after === undefined || after === ' ' || after === '\t' || after === '\r' || p + 1 >= lineEnd)
          )
            continue scan;
          if (d === '#' && (text[p - 1] === ' ' || text[p - 1] === '\t')) break scan;
          p++;
        }
      }
    }
    return { p, extra, flowMode };
  }

  /** Flow collections: brackets outside quotes and comments, possibly over several lines. */
  private scanFlow(p: number, lineStart: number, lineEnd: number, outer: number): { offset: number } | undefined {
    const { text } = this;
    while (p < lineEnd) {
      const c = text[p]!;
      if (c === '"' || c === "'") {
        const after = this.skipQuoted(p + 1, lineEnd, c);
        if (after === -1) {
          this.quote = c;
          break;
        }
        p = after;
        continue;
      }
      if (c === '#' && (p === lineStart || text[p - 1] === ' ' || text[p - 1] === '\t')) break;
      if (c === '[' || c === '{') {
        this.flowDepth++;
        if (outer + this.flowDepth > this.bound) return { offset: p };
      } else if ((c === ']' || c === '}') && this.flowDepth > 0) {
        this.flowDepth--;
      }
      p++;
    }
    return undefined;
  }

  /** From `p` (just after an opening quote or inside a quoted scalar): the offset after the closing quote, or -1 at line end. */
  private skipQuoted(p: number, end: number, q: Quote): number {
    const { text } = this;
    while (p < end) {
      const c = text[p];
      if (q === '"' && c === '\\') p += 2;
      else if (c === q) {
        if (q === "'" && text[p + 1] === "'") p += 2;
        else return p + 1;
      } else p++;
    }
    return -1;
  }
}
