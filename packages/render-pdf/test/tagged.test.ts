/**
 * A tagged PDF (the default), read back as a reader's software would: the catalog's /MarkInfo and
 * /StructTreeRoot (qpdf), the structure tree and the marked content of each page (pdfjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildViewModel } from '@nianbao/view-model';
import { renderPdf } from '../src/index.js';
import { examples } from './examples.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-tagged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Node {
  role?: string;
  type?: string;
  id?: string;
  children?: Node[];
}
interface Element {
  role: string;
  text: string;
  children: Element[];
}
interface Page {
  elements: Element[];
  /** Text drawn inside an Artifact, and text drawn outside any marked content. */
  artifacts: string[];
  untagged: string[];
}

/** Each page's structure elements with the text of their marked content, in reading order. */
async function read(pdf: Uint8Array) {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false }).promise;
  const pages: Page[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const byId = new Map<string, string>();
    const artifacts: string[] = [];
    const untagged: string[] = [];
    const open: { id?: string; tag?: string }[] = [];
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ('str' in item) {
        if (item.str === '') continue;
        const inner = open.at(-1);
        if (!inner) untagged.push(item.str);
        else if (inner.tag === 'Artifact') artifacts.push(item.str);
        else if (inner.id) byId.set(inner.id, (byId.get(inner.id) ?? '') + item.str);
      } else if (item.type === 'endMarkedContent') open.pop();
      // (pdfjs gives the tag of a marked-content item, which its type does not declare)
      else open.push({ id: item.id, tag: (item as { tag?: string }).tag });
    }
    const build = (node: Node): Element => ({
      role: node.role ?? '',
      text: (node.children ?? []).map((c) => (c.type === 'content' ? (byId.get(c.id!) ?? '') : '')).join(''),
      children: (node.children ?? []).filter((c) => c.role).map(build),
    });
    const tree = (await page.getStructTree()) as Node | null;
    pages.push({ elements: (tree?.children ?? []).map(build), artifacts, untagged });
  }
  const markInfo = await doc.getMarkInfo();
  await doc.destroy();
  return { pages, markInfo };
}

const all = (elements: Element[]): Element[] => elements.flatMap((e) => [e, ...all(e.children)]);
const deepText = (e: Element): string => e.text + e.children.map(deepText).join('');

describe('tagged PDF', () => {
  it('is not tagged with { tagged: false }', async () => {
    const { markInfo, pages } = await read(await renderPdf(examples[0]!.report, { tagged: false }));
    expect(markInfo).toBeNull();
    expect(pages[0]!.elements).toEqual([]);
  });

  describe.each(examples)('$name', ({ name, report }) => {
    const view = buildViewModel(report);
    let result: Awaited<ReturnType<typeof read>>;
    const file = join(dir, `${name}.pdf`);

    it('has /MarkInfo << /Marked true >> and a /StructTreeRoot, and qpdf --check accepts it', async () => {
      const pdf = await renderPdf(report);
      writeFileSync(file, pdf);
      result = await read(pdf);
      expect(result.markInfo?.Marked).toBe(true);
      const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8' }));
      const objects = json.qpdf[1] as Record<string, { value?: Record<string, unknown> }>;
      const catalog = Object.values(objects).find((o) => o.value?.['/Type'] === '/Catalog')!.value!;
      expect(catalog['/StructTreeRoot']).toMatch(/^\d+ 0 R$/);
      expect(catalog['/MarkInfo']).toBeDefined();
      const root = objects[`obj:${catalog['/StructTreeRoot']}`]!.value!;
      expect(root['/Type']).toBe('/StructTreeRoot');
      expect(root['/ParentTree']).toBeDefined();
      execFileSync('qpdf', ['--check', file]);
    });

    it('draws the same pixels as the untagged PDF', async () => {
      const plain = join(dir, `${name}-plain.pdf`);
      writeFileSync(plain, await renderPdf(report, { tagged: false }));
      const pixels = (pdf: string) =>
        execFileSync('pdftoppm', ['-r', '50', '-gray', pdf], { maxBuffer: 1 << 28 }).toString('latin1');
      const [tagged, untagged] = [pixels(file), pixels(plain)];
      expect(tagged.length).toBeGreaterThan(100_000);
      expect(tagged === untagged).toBe(true);
    });

    it('tags the title H1, the section headings H2, the paragraphs P, in reading order', () => {
      const first = all(result.pages[0]!.elements);
      expect(first[0]!.role).toBe('Document');
      const h1 = first.find((e) => e.role === 'H1')!;
      expect(h1.text).toBe(view.title.replace(/\n/g, ''));
      const paragraphs = first.filter((e) => e.role === 'P');
      expect(paragraphs[0]!.text.startsWith(view.preface[0]!.text.slice(0, 20))).toBe(true);
      const headings = result.pages.flatMap((p) => all(p.elements)).filter((e) => e.role === 'H2');
      expect(headings.map((h) => h.text)).toEqual(view.sections.map((s) => s.heading));
    });

    it('tags every text: content or artifact (page numbers, table headers repeated on the next page)', () => {
      result.pages.forEach((page, index) => {
        expect(page.untagged, `page ${index + 1}`).toEqual([]);
        expect(page.artifacts.join(' ')).toContain(`— ${index + 1} —`);
      });
    });

    it('tags the tables as Table > TR > TH/TD, each label and number once', () => {
      const tables = result.pages.flatMap((p) => all(p.elements)).filter((e) => e.role === 'Table');
      expect(tables.length).toBeGreaterThanOrEqual(3);
      for (const table of tables) {
        expect(table.children.every((row) => row.role === 'TR')).toBe(true);
        expect(table.children.flatMap((row) => row.children).every((c) => c.role === 'TH' || c.role === 'TD')).toBe(
          true,
        );
      }
      const cells = tables.flatMap((t) => t.children.flatMap((r) => r.children));
      // Table 三's header and its group label are read once, though drawn on each page it is on.
      // (pdfjs puts a space before a number drawn apart from the text before it)
      const text = cells.map((c) => deepText(c).trim());
      expect(text.filter((t) => t === '申请人情况')).toHaveLength(1);
      expect(text.filter((t) => t === '三、本年度办理结果')).toHaveLength(1);
      const repeated = result.pages.flatMap((p) => p.artifacts);
      expect(repeated).toContain('申请人情况');
      expect(text.filter((t) => /^\d+$/.test(t)).length).toBeGreaterThan(100);
    });
  });
});
