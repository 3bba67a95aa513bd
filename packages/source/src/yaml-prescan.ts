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
  const n = text.length;
  const indents: number[] = [];
  let flowDepth = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarParent: number | undefined;
  let base = 0;

  /** From `p` (just after an opening quote or inside a quoted scalar): the offset after the closing quote, or -1 at line end. */
  const skipQuoted = (p: number, end: number, q: '"' | "'"): number => {
    while (p < end) {
      const c = text[p];
      if (q === '"' && c === '\\') p += 2;
      else if (c === q) {
        if (q === "'" && text[p + 1] === "'") p += 2;
        else return p + 1;
      } else p++;
    }
    return -1;
  };

  let lineStart = 0;
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    const next = lineEnd + 1;
    let p = lineStart;

    let indent = 0;
    while (lineStart + indent < lineEnd && text[lineStart + indent] === ' ') indent++;
    const first = lineStart + indent;
    const blank = first >= lineEnd || text[first] === '\r';

    if (blockScalarParent !== undefined) {
      if (blank || indent > blockScalarParent) {
        lineStart = next;
        continue;
      }
      blockScalarParent = undefined;
    }

    let extra = 0;
    let flowMode = false;
    if (quote) {
      const after = skipQuoted(p, lineEnd, quote);
      if (after === -1) {
        lineStart = next;
        continue;
      }
      quote = undefined;
      p = after;
      flowMode = flowDepth > 0;
    } else if (flowDepth > 0) {
      flowMode = true;
    } else {
      if (blank || text[first] === '#' || text.startsWith('---', first) || text.startsWith('...', first)) {
        lineStart = next;
        continue;
      }
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      base = indents.length;
      p = first;
    }

    // Block tokens of the line, up to a flow collection, a block scalar, a comment or the end.
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
        blockScalarParent = indent;
        break;
      } else if (c === '#') {
        break;
      } else if (c === '"' || c === "'") {
        const after = skipQuoted(p + 1, lineEnd, c);
        if (after === -1) {
          quote = c;
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
    if (base + extra + flowDepth > bound) return { offset: first < lineEnd ? first : lineStart };

    // Flow collections: brackets outside quotes and comments, possibly over several lines.
    while (flowMode && p < lineEnd) {
      const c = text[p]!;
      if (c === '"' || c === "'") {
        const after = skipQuoted(p + 1, lineEnd, c);
        if (after === -1) {
          quote = c;
          break;
        }
        p = after;
        continue;
      }
      if (c === '#' && (p === lineStart || text[p - 1] === ' ' || text[p - 1] === '\t')) break;
      if (c === '[' || c === '{') {
        flowDepth++;
        if (base + extra + flowDepth > bound) return { offset: p };
      } else if ((c === ']' || c === '}') && flowDepth > 0) {
        flowDepth--;
      }
      p++;
    }
    lineStart = next;
  }
  return undefined;
}
