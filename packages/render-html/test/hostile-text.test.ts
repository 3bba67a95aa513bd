/**
 * Hostile text in every text field of a report, checked on the parsed HTML (parse5, the HTML5 parsing
 * algorithm browsers use) rather than on the markup string: the page and the fragment have exactly
 * the elements and attributes of the same report with harmless text, and each field reads back as the
 * text that was written (minus the control and bidi characters the view model drops), in full.
 */
import { describe, expect, it } from 'vitest';
import { parse, parseFragment } from 'parse5';
import type { Report } from '@nianbao/template';
import { displayText } from '@nianbao/view-model';
import { renderHtmlFragment, renderHtmlPage } from '../src/index.js';
import { clone, examples } from './examples.js';

const LONG_LINE = Array.from({ length: 50_000 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789长'[i % 37]).join('');

/** Each must come out as the same text; none may become markup, template code or a reordering of the text. */
const PAYLOADS = [
  '<script>alert("x")</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">点击</a> javascript:alert(1)',
  '<style>*{display:none}</style><link rel=stylesheet href=//evil.example>',
  '</p></section></article></main></body><h1>假标题</h1>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<!-- comment --> <![CDATA[x]]> <?xml version="1.0"?> &lt;already-escaped&gt; &amp; &#x3C;script&#x3E; &#60;',
  '{{constructor.constructor("alert(1)")()}} {{{triple}}} {{> partial}} {{#each this}}x{{/each}} \\{{escaped}} {{!comment}} {{lookup . "a"}}',
  '正常文字\u202E倒序\u202C结束 \u2066隔离\u2069 \u200E\u200F\u061C标记',
  'NUL\u0000 BEL\u0007 ESC\u001B[31m BS\u0008 DEL\u007F C1\u0085\u009B',
  '零\u200B宽\u200C字\u200D符\u2060与\uFEFF字节序标记',
  `tab\there, line\nfeed, CRLF\r\nand CR\rend`,
  LONG_LINE,
];

type Node = {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
};

const children = (node: Node): Node[] => [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])];

/** The element tree without its text: tag names and attributes, in document order. */
function skeleton(node: Node, out: string[] = []): string[] {
  if (node.tagName) out.push(`<${node.tagName}${(node.attrs ?? []).map((a) => ` ${a.name}="${a.value}"`).join('')}>`);
  else if (node.nodeName === '#comment') out.push('<!--comment-->');
  for (const child of children(node)) skeleton(child, out);
  if (node.tagName) out.push(`</${node.tagName}>`);
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return children(node).map(textOf).join('');
}

function find(node: Node, test: (node: Node) => boolean, out: Node[] = []): Node[] {
  if (test(node)) out.push(node);
  for (const child of children(node)) find(child, test, out);
  return out;
}

const hasClass = (node: Node, name: string) =>
  (node.attrs ?? []).some((a) => a.name === 'class' && a.value.split(/\s+/).includes(name));

/** Puts a payload in every free-text field of the report, cycling through them; `harmless` puts plain text. */
function fill(report: Report, harmless: boolean): { report: Report; paragraphs: string[] } {
  const out = clone(report);
  let next = 0;
  const text = () => (harmless ? `普通文字${next++}` : PAYLOADS[next++ % PAYLOADS.length]!);
  const paragraphs: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      for (const [key, item] of Object.entries(node)) {
        if (key === 'paragraphs' || key === 'introduction' || key === 'problems' || key === 'improvements') {
          if (Array.isArray(item)) {
            node[key] = item.map(() => text());
            paragraphs.push(...(node[key] as string[]));
          } else walk(item);
        } else if (key === 'heading' && typeof item === 'string') node[key] = text();
        else walk(item);
      }
    }
  };
  walk(out.preface);
  walk(out.sections);
  // Every payload at least once as a paragraph, whatever the shape of the example.
  out.preface.paragraphs = harmless ? PAYLOADS.map((_, i) => `普通引言${i}`) : [...PAYLOADS];
  paragraphs.unshift(...out.preface.paragraphs);
  out.metadata.agency.name = harmless ? '某机关' : '<b onmouseover=alert(1)>机关</b>"&\'{{x}}\u202E';
  if (out.metadata.contact) {
    for (const key of Object.keys(out.metadata.contact) as (keyof typeof out.metadata.contact)[]) {
      if (typeof out.metadata.contact[key] === 'string') (out.metadata.contact as Record<string, string>)[key] = text();
    }
  }
  return { report: out, paragraphs };
}

describe.each(examples.map((example) => [example.name, example.report] as const))(
  '%s with hostile text everywhere',
  (_name, report) => {
    const hostile = fill(report, false);
    const harmless = fill(report, true);

    it.each([
      ['page', (r: Report) => parse(renderHtmlPage(r)) as unknown as Node],
      ['fragment', (r: Report) => parseFragment(renderHtmlFragment(r)) as unknown as Node],
    ] as const)('%s: the same elements and attributes as with harmless text', (_kind, render) => {
      const attacked = skeleton(render(hostile.report));
      const reference = skeleton(render(harmless.report));
      // The hostile page has no element, attribute or comment the harmless one lacks (a diff shows where).
      expect(attacked.join('\n')).toBe(reference.join('\n'));
      // The one script is nianbao's inert metadata JSON (for `nianbao import`); nothing else is active.
      expect(
        attacked
          .filter((tag) => tag.startsWith('<script'))
          .every((tag) => tag === '<script type="application/json" data-nianbao="metadata">'),
      ).toBe(true);
      expect(
        attacked.some(
          (tag) =>
            /^<(img|svg|iframe|a|link|math|b|style|object|embed|form|input|meta|base)\b/.test(tag) &&
            !tag.startsWith('<style>') &&
            !tag.startsWith('<meta '),
        ),
      ).toBe(false);
      expect(attacked.some((tag) => / on\w+=|javascript:|srcdoc=/i.test(tag))).toBe(false);
    });

    it('every paragraph reads back as the text written, in full (50,000 characters without a space too)', () => {
      const tree = parse(renderHtmlPage(hostile.report)) as unknown as Node;
      const texts = find(tree, (node) => node.tagName === 'p').map(textOf);
      for (const paragraph of hostile.paragraphs) {
        const expected = displayText(paragraph);
        expect(texts.includes(expected), JSON.stringify(expected.slice(0, 80))).toBe(true);
      }
      expect(texts).toContain(LONG_LINE);
      // Handlebars syntax is printed, not evaluated.
      expect(texts).toContain(PAYLOADS[9]);
    });

    it('the title and headings are text; control and bidi characters are gone, zero-width ones kept', () => {
      const page = renderHtmlPage(hostile.report);
      const tree = parse(page) as unknown as Node;
      const [title] = find(tree, (node) => node.tagName === 'title');
      expect(textOf(title!)).toContain('<b onmouseover=alert(1)>机关</b>"&\'{{x}}');
      const [h1] = find(tree, (node) => node.tagName === 'h1');
      expect(textOf(h1!)).toContain('<b onmouseover=alert(1)>机关</b>"&\'{{x}}');
      expect(find(tree, (node) => node.tagName === 'h1')).toHaveLength(1);
      // The metadata JSON keeps the source as written (it is never displayed); the displayed page has none.
      const [metadata] = find(tree, (node) => node.tagName === 'script');
      expect(JSON.parse(textOf(metadata!))).toEqual(hostile.report.metadata);
      // eslint-disable-next-line no-control-regex
      expect(page.replace(/<script type="application\/json"[^>]*>[^<]*<\/script>/, '')).not.toMatch(
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/,
      );
      expect(page).toContain('零\u200B宽\u200C字\u200D符\u2060与\uFEFF字节序标记');
      const topics = find(tree, (node) => hasClass(node, 'nb-topic-heading')).map(textOf);
      expect(topics.some((text) => text.includes('"><img src=x onerror=alert(1)>') || text.includes('<script>'))).toBe(
        true,
      );
    });

    it('the long line is not cut in the markup either, and the page is still one document', () => {
      const page = renderHtmlPage(hostile.report);
      expect(page.split(LONG_LINE.replace(/&/g, '&amp;')).length).toBeGreaterThan(1);
      expect(page.match(/<\/html>/g)).toHaveLength(1);
      expect(page.trimEnd().endsWith('</html>')).toBe(true);
    });
  },
);
