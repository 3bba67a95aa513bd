import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '@nianbao/template';
import { buildViewModel, displayText } from '@nianbao/view-model';
import { renderPdf } from '../src/index.js';
import { clone, examples, golden } from './examples.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function save(pdf: Uint8Array): string {
  const file = join(dir, `${counter++}.pdf`);
  writeFileSync(file, pdf);
  return file;
}
const text = (file: string, ...args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
/** Whitespace and line breaks removed (CJK wrapping breaks lines anywhere), page numbers (— N —) dropped. */
const squash = (s: string) => s.replace(/\s+/g, '').replace(/—\d+—/g, '');
const latin1 = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');

interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  text: string;
}
const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
/** Every word pdftotext finds, with its box. */
function words(file: string): Word[] {
  const out: Word[] = [];
  text(file, '-bbox')
    .split('<page ')
    .slice(1)
    .forEach((page, index) => {
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
      )) {
        out.push({
          page: index,
          x0: Number(m[1]),
          y0: Number(m[2]),
          x1: Number(m[3]),
          text: m[4]!.replace(/&\w+;/g, (e) => entities[e] ?? e),
        });
      }
    });
  return out;
}
/**
 * A label wrapped inside a narrow table cell reads as lines stacked in one column; pdftotext's reading
 * order interleaves them with the neighbouring cells. Found here by following the words downwards.
 */
function findStacked(all: Word[], label: string): boolean {
  for (const start of all) {
    if (!label.startsWith(start.text) || start.text === '') continue;
    let rest = label.slice(start.text.length);
    let current = start;
    while (rest !== '') {
      const below = all
        .filter(
          (w) =>
            w.page === current.page &&
            w.y0 > current.y0 + 1 &&
            w.y0 < current.y0 + 30 &&
            w.x0 < current.x1 &&
            w.x1 > current.x0 &&
            rest.startsWith(w.text) &&
            w.text !== '',
        )
        .sort((a, b) => a.y0 - b.y0)[0];
      if (!below) break;
      rest = rest.slice(below.text.length);
      current = below;
    }
    if (rest === '') return true;
  }
  return false;
}

describe.each(examples)('$name', ({ name, report }) => {
  let pdf: Uint8Array;
  let file: string;

  it('renders an A4 PDF that qpdf --check accepts', async () => {
    pdf = await renderPdf(report);
    file = save(pdf);
    expect(latin1(pdf).startsWith('%PDF-')).toBe(true);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
      /Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/,
    );
  }, 60_000);

  it('contains every paragraph, heading and label, unclipped', () => {
    const extracted = squash(text(file));
    const view = buildViewModel(report);
    const expected = [
      view.title,
      ...view.preface.map((p) => p.text),
      ...view.sections.flatMap((section) => [
        section.heading,
        ...section.blocks.flatMap((block) =>
          block.kind === 'table'
            ? [...block.table.head, ...block.table.groups.flatMap((g) => g.rows)].flatMap((row) =>
                row.cells.flatMap((c) => (c.kind === 'header' ? [c.text] : [])),
              )
            : block.kind === 'topic'
              ? [block.numberedHeading, ...block.paragraphs.map((p) => p.text)]
              : block.paragraphs.map((p) => p.text),
        ),
      ]),
      view.agencyName,
    ];
    const boxes = words(file);
    const missing = expected.filter(
      (part) => !extracted.includes(squash(displayText(part))) && !findStacked(boxes, squash(displayText(part))),
    );
    expect(missing).toEqual([]);
  });

  it('contains every table number, row by row in order', () => {
    const lines = text(file, '-layout').split('\n');
    const view = buildViewModel(report);
    let at = 0;
    const unmatched: string[] = [];
    for (const table of view.tables) {
      for (const row of table.groups.flatMap((g) => g.rows)) {
        const values = row.cells.flatMap((c) => (c.kind === 'data' ? [c.display] : []));
        if (values.length === 0) continue;
        const pattern = new RegExp(
          `(^|[^\\d.+-])${values.map((v) => v.replace(/[.+]/g, '\\$&')).join('\\s+')}($|[^\\d.])`,
        );
        const found = lines.findIndex((line, index) => index >= at && pattern.test(line));
        if (found < 0) unmatched.push(`${table.key}: ${values.join(' ')}`);
        else at = found + 1;
      }
    }
    expect(unmatched).toEqual([]);
  });

  it('follows 避头尾: no line starts with closing punctuation or ends with an opening one', () => {
    const lines = text(file)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.filter((line) => /^[，。、；：？！）》」』】〕”’,.;:?!)\]]/.test(line))).toEqual([]);
    expect(lines.filter((line) => /[（《「『【〔“‘([]$/.test(line))).toEqual([]);
  });

  it('matches the golden text and page count', () => {
    const summary = `pages: ${pageCount(file)}\n\n${text(file)}`;
    expect(summary).toBe(golden(`${name}.txt`, summary));
  });

  it('renders the same bytes twice', async () => {
    const again = await renderPdf(clone(report));
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  }, 60_000);

  it('embeds its fonts as subsets, and stamps the report date with fixed producer strings', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
    const date = report.metadata.publicationDate ?? report.metadata.statisticsPeriod.end;
    expect(info).toMatch(new RegExp(`CreationDate:\\s+${date}T00:00:00Z`));
    expect(info).toMatch(/Producer:\s+nianbao \(@nianbao\/render-pdf, react-pdf\)/);
    expect(info).toMatch(/Creator:\s+nianbao/);
    expect(info).toMatch(new RegExp(`Title:\\s+${buildViewModel(report).title}\\n`));
  });
});

describe('PDF/A-2b', () => {
  const report = examples.find((e) => e.report.edition === '2021')!.report;

  it('declares PDF/A-2B in XMP, has an sRGB output intent with an embedded ICC profile, and no ModDate', async () => {
    const pdf = await renderPdf(report, { pdfa: true });
    const raw = latin1(pdf);
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    const file = save(pdf);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const xmp = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(xmp).toContain(buildViewModel(report).title);
    // The objects are packed into object streams: read them with qpdf.
    const objects = Object.values(
      JSON.parse(
        execFileSync('qpdf', ['--json', '--json-key=qpdf', '--json-stream-data=none', file], { encoding: 'utf8' }),
      ).qpdf[1] as Record<string, { value?: Record<string, unknown> }>,
    ).map((o) => o.value);
    const intent = objects.find((v) => v?.['/Type'] === '/OutputIntent')!;
    expect(intent['/S']).toBe('/GTS_PDFA1');
    expect(intent['/DestOutputProfile']).toMatch(/^\d+ 0 R$/);
    expect(intent['/OutputConditionIdentifier']).toBe('u:sRGB IEC61966-2.1');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).not.toMatch(/ModDate/);
    const again = await renderPdf(clone(report), { pdfa: true });
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  }, 60_000);
});

describe('text from the report', () => {
  it('shows hostile text as text and keeps XML specials out of the metadata', async () => {
    const report = clone(examples.find((e) => e.report.edition === '2019')!.report) as Report;
    report.preface.paragraphs = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '正常\u202E倒序'];
    report.metadata.agency.name = '机关<&>';
    const pdf = await renderPdf(report, { pdfa: true });
    const file = save(pdf);
    const extracted = squash(text(file));
    expect(extracted).toContain('<script>alert(1)</script>');
    expect(extracted).toContain('"><imgsrc=xonerror=alert(1)>');
    expect(extracted).toContain('正常倒序');
    const xmp = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(xmp).toContain('机关＜＆＞2020年政府信息公开工作年度报告');
    expect(xmp).not.toContain('机关<&>');
  }, 60_000);

  it('shows a not-reported cell as — with a note under its table', async () => {
    const report = clone(examples.find((e) => e.report.edition === '2021')!.report) as Extract<
      Report,
      { edition: '2021' }
    >;
    report.provenance = { importedFrom: 'https://example.gov.cn/report.html' };
    report.sections.reviewAndLitigation.table.administrativeReconsideration.pending = null;
    const extracted = text(save(await renderPdf(report)), '-layout');
    expect(extracted).toMatch(/2\s+1\s+0\s+—\s+4\s+1/);
    expect(squash(extracted)).toContain('注：“—”表示原报告未填报该项数据。');
  }, 60_000);
});
