/**
 * An HTML page (a government CMS page, or what nianbao renders) as blocks: block elements and <br>
 * end lines; tables without nested tables are resolved into a grid (rowspan/colspan), tables that hold
 * other tables are page layout and read as flow. Script, style and the like are not text.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import { onDemand } from './on-demand.js';
import {
  type Block,
  type GridCell,
  type Line,
  relocateBlocks,
  type SourceDocument,
  type SourceTable,
  type TableRow,
} from './source.js';
import { textSource } from './text-source.js';
import { isCjk } from './text.js';

const parse5 = onDemand<typeof import('parse5')>('parse5');

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

const SKIP = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'canvas',
  'select',
  'button',
  'input',
  'textarea',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** Source whitespace: collapsed as a browser does; a line break between two CJK characters is dropped. */
function collapse(text: string): string {
  return text
    .replace(/([^\s])[ \t\f]*[\r\n][\s]*([^\s])/g, (_all, a: string, b: string) =>
      isCjk(a) && isCjk(b) ? a + b : `${a} ${b}`,
    )
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(/\u00A0/g, ' ');
}

class LineCollector {
  lines: Line[] = [];
  private buffer = '';
  private from = '';
  constructor(private readonly fallbackFrom: string) {}
  text(text: string, from: string): void {
    if (this.buffer === '') this.from = from;
    this.buffer += text;
  }
  flush(): void {
    const text = this.buffer.replace(/ {2,}/g, ' ').trim();
    if (text !== '') this.lines.push({ kind: 'line', text, from: this.from || this.fallbackFrom });
    this.buffer = '';
  }
}

interface Walker {
  blocks: Block[];
  collector: LineCollector;
  /** Where the nearest block element is: text is said to come from there. */
  from: string;
}

function describe(path: string, element: Element): string {
  const line = element.sourceCodeLocation?.startLine;
  return line === undefined ? path : `${path} (line ${line})`;
}

/** Per parent: each child element's index among its same-named siblings, and how many there are. */
const siblingIndex = new WeakMap<Element, Map<Node, { index: number; count: number }>>();

function childPath(path: string, parent: Element, child: Element): string {
  // Computed once per parent: counting siblings for each child was quadratic in a 50,000-row table.
  let indexes = siblingIndex.get(parent);
  if (!indexes) {
    indexes = new Map();
    const counts = new Map<string, number>();
    for (const sibling of parent.childNodes) {
      if (!isElement(sibling)) continue;
      const index = (counts.get(sibling.tagName) ?? 0) + 1;
      counts.set(sibling.tagName, index);
      indexes.set(sibling, { index, count: 0 });
    }
    for (const [sibling, entry] of indexes) entry.count = counts.get((sibling as Element).tagName)!;
    siblingIndex.set(parent, indexes);
  }
  const entry = indexes.get(child);
  const count = entry?.count ?? 1;
  return `${path}/${child.tagName}${count > 1 ? `[${entry!.index}]` : ''}`;
}

function containsTable(element: Element): boolean {
  const stack: Node[] = [...element.childNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.tagName === 'table') return true;
    stack.push(...node.childNodes);
  }
  return false;
}

/** Nesting deeper than any real page: the rest is read as plain text, without recursion. */
const MAX_DEPTH = 1500;

function textContent(node: Node): string {
  let text = '';
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.nodeName === '#text') text += (current as TextNode).value;
    else if (isElement(current) && !SKIP.has(current.tagName)) {
      for (let i = current.childNodes.length - 1; i >= 0; i--) stack.push(current.childNodes[i]!);
    }
  }
  return text;
}

/** Lines of an element's contents read as flow. */
function flowLines(element: Element, path: string, depth: number): Line[] {
  const walker: Walker = { blocks: [], collector: new LineCollector(path), from: path };
  for (const child of element.childNodes) walk(child, element, path, walker, depth + 1);
  walker.collector.flush();
  return [...walker.blocks, ...walker.collector.lines].filter((block): block is Line => block.kind === 'line');
}

function rowsOf(table: Element, path: string): { tr: Element; path: string }[] {
  const rows: { tr: Element; path: string }[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    const childP = childPath(path, table, child);
    if (child.tagName === 'tr') rows.push({ tr: child, path: childP });
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const tr of child.childNodes)
        if (isElement(tr) && tr.tagName === 'tr') rows.push({ tr, path: childPath(childP, child, tr) });
    }
  }
  return rows;
}

function span(element: Element, name: string, max: number): number {
  const value = Number.parseInt(attr(element, name) ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : value === 0 ? max : 1;
}

/** Resolves rowspan/colspan into a grid whose every row has the same columns. */
function gridTable(table: Element, path: string, depth: number): SourceTable {
  const rows = rowsOf(table, path);
  const grid: (GridCell | undefined)[][] = rows.map(() => []);
  const asLines: Line[] = [];
  rows.forEach(({ tr, path: rowPath }, r) => {
    let col = 0;
    for (const cell of tr.childNodes) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      const cellPath = childPath(rowPath, tr, cell);
      const lines = flowLines(cell, describe(cellPath, cell), depth + 3);
      asLines.push(...lines);
      const text = lines.map((line) => line.text).join(' ');
      while (grid[r]![col] !== undefined) col++;
      const rowSpan = span(cell, 'rowspan', rows.length - r);
      const colSpan = span(cell, 'colspan', 1000);
      for (let i = 0; i < rowSpan; i++) {
        for (let j = 0; j < colSpan; j++)
          grid[r + i]![col + j] = j > 0 ? { text, origin: false, fromLeft: true } : { text, origin: i === 0 };
      }
      col += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  const tableRows: TableRow[] = grid.map((row, r) => ({
    cells: Array.from({ length: width }, (_, c) => row[c] ?? { text: '', origin: true }),
    from: describe(rows[r]!.path, rows[r]!.tr),
  }));
  return { kind: 'table', rows: tableRows, aligned: true, from: describe(path, table), asLines };
}

/** The blocks of a <pre>'s text, each placed at the element and its line (`/html/body/pre[1] line 3`). */
function preBlocks(text: string, path: string): Block[] {
  return relocateBlocks(textSource(text).blocks, (from) => `${path} ${from}`);
}

function walk(node: Node, parent: Element | undefined, path: string, walker: Walker, depth = 0): void {
  if (depth > MAX_DEPTH) {
    walker.collector.text(collapse(textContent(node)), walker.from);
    return;
  }
  if (node.nodeName === '#text') {
    walker.collector.text(collapse((node as TextNode).value), walker.from);
    return;
  }
  if (!isElement(node)) return;
  const tag = node.tagName;
  if (SKIP.has(tag)) return;
  const here = parent ? childPath(path, parent, node) : `/${tag}`;
  const from = describe(here, node);
  if (tag === 'br') {
    walker.collector.flush();
    return;
  }
  if (tag === 'table' && !containsTable(node)) {
    walker.collector.flush();
    walker.blocks.push(...walker.collector.lines.splice(0));
    walker.blocks.push(gridTable(node, here, depth));
    return;
  }
  if (tag === 'pre') {
    // Preformatted text (a copied table in aligned columns or |-rows): read as a text page.
    walker.collector.flush();
    walker.blocks.push(...walker.collector.lines.splice(0));
    walker.blocks.push(...preBlocks(textContent(node), here));
    return;
  }
  const block = BLOCK.has(tag);
  const outer = walker.from;
  if (block) {
    walker.collector.flush();
    walker.from = from;
  }
  for (const child of node.childNodes) walk(child, node, here, walker, depth + 1);
  if (block) {
    walker.collector.flush();
    walker.from = outer;
  }
  // Keep lines and tables in reading order.
  walker.blocks.push(...walker.collector.lines.splice(0));
}

function headInfo(document: Node): { title?: string; meta: Record<string, string>; embeddedMetadata?: unknown } {
  const meta: Record<string, string> = {};
  let title: string | undefined;
  let embedded: unknown;
  const visit = (node: Node): void => {
    if (!isElement(node)) return;
    if (node.tagName === 'body') {
      // The body may hold the embedded metadata (a CMS fragment); a flat scan, not a recursion.
      const stack: Node[] = [...node.childNodes];
      while (stack.length > 0) {
        const current = stack.pop()!;
        if (!isElement(current)) continue;
        if (current.tagName === 'script' || current.tagName === 'meta') visit(current);
        else stack.push(...current.childNodes);
      }
      return;
    }
    if (
      node.tagName === 'script' &&
      attr(node, 'data-nianbao') === 'metadata' &&
      /json/.test(attr(node, 'type') ?? '')
    ) {
      const text = node.childNodes.map((c) => (c.nodeName === '#text' ? (c as TextNode).value : '')).join('');
      try {
        embedded = JSON.parse(text);
      } catch {
        // Not JSON: ignored, the metadata is read from the text.
      }
      return;
    }
    if (node.tagName === 'title' && title === undefined) {
      const text = node.childNodes.map((c) => (c.nodeName === '#text' ? (c as TextNode).value : '')).join('');
      title = collapse(text).trim() || undefined;
    } else if (node.tagName === 'meta') {
      const name = attr(node, 'name') ?? attr(node, 'property') ?? attr(node, 'itemprop');
      const content = attr(node, 'content');
      if (name && content !== undefined) meta[name.toLowerCase()] = content.trim();
    }
    for (const child of node.childNodes) visit(child);
  };
  for (const child of (document as Element).childNodes ?? []) visit(child);
  const result: { title?: string; meta: Record<string, string>; embeddedMetadata?: unknown } = { meta };
  if (title) result.title = title;
  if (embedded !== undefined) result.embeddedMetadata = embedded;
  return result;
}

const VOID_OR_OPTIONAL_END = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'option',
  'optgroup',
  'colgroup',
  'caption',
  'rt',
  'rp',
]);

/**
 * How deep the page's elements nest, by a quick scan of its tags (elements that close implicitly
 * are not counted). The HTML parser takes quadratic time on absurd nesting, so such a page is
 * refused before parsing; real pages stay far below the limit.
 */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const match of html.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(\/?)>/g)) {
    const tag = match[2]!.toLowerCase();
    if (VOID_OR_OPTIONAL_END.has(tag) || match[3] === '/') continue;
    depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

export const MAX_NESTING = 2000;

export function htmlSource(html: string): SourceDocument {
  const document = parse5().parse(html, { sourceCodeLocationInfo: true });
  const walker: Walker = { blocks: [], collector: new LineCollector('/html'), from: '/html' };
  for (const child of document.childNodes) walk(child, undefined, '', walker);
  walker.collector.flush();
  walker.blocks.push(...walker.collector.lines.splice(0));
  return { blocks: walker.blocks, ...headInfo(document) };
}
