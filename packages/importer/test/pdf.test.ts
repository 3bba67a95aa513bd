import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../src/index.js';
import { mayHoldTable } from '../src/pdf/read.js';
import { example, imported, publishedSeed } from './helpers.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const bytes = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

/** The PDFs nianbao itself renders (@nianbao/render-pdf, committed as fixtures) import back exactly. */
describe.each([
  ['nianbao-chizhou-rfb-2020.pdf', 'chizhou-rfb-2020.yaml'],
  ['nianbao-sample-bureau-2021.pdf', 'sample-bureau-2021.yaml'],
])('our own PDF %s', (pdf, yaml) => {
  it('imports back to the report it was rendered from', async () => {
    const result = imported(await importFile(bytes(pdf), pdf));
    const { provenance, ...document } = result.document as unknown as Record<string, unknown>;
    // The committed PDF was rendered from the seed example when it still carried the page's spam.
    const expected = yaml === 'chizhou-rfb-2020.yaml' ? publishedSeed() : example(yaml);
    delete expected.provenance;
    // The metadata a page does not print (kind, level, division code, contact details) is guessed or
    // absent: compare the report's text and numbers, and the agency's name and year.
    const { metadata, ...rest } = document;
    const { metadata: expectedMetadata, ...expectedRest } = expected;
    expect(rest).toEqual(expectedRest);
    const m = metadata as { agency: { name: string }; reportYear: number };
    const e = expectedMetadata as typeof m;
    expect(m.agency.name).toBe(e.agency.name);
    expect(m.reportYear).toBe(e.reportYear);
    expect(result.fidelity.cellsRead).toBe(result.fidelity.cellsExpected);
    // Every table cell and paragraph records its page and box.
    const origins = (provenance as { origins: Record<string, string> }).origins;
    const cells = Object.keys(origins).filter((pointer) => pointer.includes('/table/'));
    expect(cells).toHaveLength(result.fidelity.cellsExpected);
    for (const place of Object.values(origins)) expect(place).toMatch(/^page \d+ \[[\d.]+ [\d.]+ [\d.]+ [\d.]+\]$/);
  });
});

describe('PDF text layers', () => {
  it('CJK radicals a PDF writer mapped its glyphs to read as the characters (上海市⼈⺠政府 → 上海市人民政府)', async () => {
    const { plainCjk } = await import('../src/pdf/extract.js');
    expect(plainCjk('上海市⼈⺠政府办公厅')).toBe('上海市人民政府办公厅');
    expect(plainCjk('⻓江⻔户')).toBe('长江门户');
    expect(plainCjk('普通文字 123')).toBe('普通文字 123');
  });
});

describe('a PDF whose tables have no ruling lines', () => {
  it('reads them as columns aligned by position: every number in its cell or none', async () => {
    const { readPdf } = await import('../src/pdf/read.js');
    const { pdfSource } = await import('../src/pdf/layout.js');
    const { importSource } = await import('../src/import.js');
    const reading = await readPdf(bytes('nianbao-chizhou-rfb-2020.pdf'));
    if (!reading.ok) throw new Error(reading.problem.message.en);
    // The same pages with their borders removed.
    const pages = reading.pages.map((page) => ({ ...page, segments: [] }));
    const result = imported(importSource(pdfSource(pages), 'unruled.pdf', { partial: true }));
    const expected = example('chizhou-rfb-2020.yaml') as { sections: Record<string, { table: unknown }> };
    // Whatever was read is right: no cell holds a number the report does not have there.
    const cells = (node: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> => {
      if (node && typeof node === 'object' && !('unit' in node))
        for (const [key, value] of Object.entries(node)) cells(value, `${path}/${key}`, out);
      else out.set(path, node);
      return out;
    };
    let read = 0;
    for (const id of ['proactiveDisclosure', 'applications', 'reviewAndLitigation']) {
      const want = cells(expected.sections[id]!.table, '', new Map());
      const got = cells(
        (result.document.sections as unknown as Record<string, { table: unknown }>)[id]!.table,
        '',
        new Map(),
      );
      for (const [pointer, value] of got) {
        if (value === null || (typeof value === 'object' && (value as { value: unknown }).value === null)) continue;
        expect(value, `${id}${pointer}`).toEqual(want.get(pointer));
        read++;
      }
    }
    expect(read).toBeGreaterThan(0);
  });
});

describe('which pages are read for their ruling lines', () => {
  const run = (text: string) => ({ text, x: 0, y: 0, width: 10, height: 10, size: 10, page: 1 }) as never;
  it('a page of prose naming a table word or two is read for its text only; a table page for its rulings too', () => {
    expect(mayHoldTable([run('2020年，本机关收到行政复议申请0件，行政诉讼0件，依法做好行政许可信息公开。')])).toBe(
      false,
    );
    expect(
      mayHoldTable(['申请人情况', '自然人', '商业企业', '科研机构', '本年新收政府信息公开申请数量', '3'].map(run)),
    ).toBe(true);
    expect(mayHoldTable(['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结'].map(run))).toBe(true);
  });
});

describe('ImportOptions.pdfjs', () => {
  it('reads a PDF with the pdfjs-dist module it is given (the CLI passes its code-cached copy)', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    let opened = 0;
    const library = {
      ...pdfjs,
      getDocument: (...args: Parameters<typeof pdfjs.getDocument>) => {
        opened++;
        return pdfjs.getDocument(...args);
      },
    };
    const pdf = 'nianbao-sample-bureau-2021.pdf';
    const given = imported(await importFile(bytes(pdf), pdf, { pdfjs: library }));
    expect(opened).toBe(1);
    // The same document as with the importer's own pdfjs-dist.
    expect(given.document).toEqual(imported(await importFile(bytes(pdf), pdf)).document);
  });
});
