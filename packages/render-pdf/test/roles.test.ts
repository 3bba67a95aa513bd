/**
 * Per-role fonts (an office's 小标宋/仿宋/黑体/楷体 files): the config is checked with its schema, font
 * files are opened or refused with a reason, each role's font is checked against the characters the
 * report uses in that role, and the PDF embeds each as a subset. Real font files of this machine:
 * fonts-dejavu (Latin only), fonts-noto-cjk (OpenType CFF collections), fonts-lxgw-wenkai (TrueType).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '@nianbao/template';
import { missingGlyphs, openRoleFonts, parseFontConfig, parseFontOption, renderPdf } from '../src/index.js';
import { clone, examples } from './examples.js';

vi.setConfig({ testTimeout: 60_000 });
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-roles-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const SERIF_CJK = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const SANS_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const KAI = '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf';
const KAI_BOLD = '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf';

/** A real WOFF 1.0 file of a TTF (tables stored uncompressed, which the format allows). */
function woffOf(ttf: Uint8Array): Uint8Array {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const count = view.getUint16(4);
  const tables = Array.from({ length: count }, (_, i) => ({
    tag: view.getUint32(12 + 16 * i),
    checksum: view.getUint32(16 + 16 * i),
    offset: view.getUint32(20 + 16 * i),
    length: view.getUint32(24 + 16 * i),
  }));
  const pad = (n: number) => (n + 3) & ~3;
  let at = 44 + 20 * count;
  const size = tables.reduce((sum, table) => sum + pad(table.length), at);
  const out = new Uint8Array(size);
  const w = new DataView(out.buffer);
  w.setUint32(0, 0x774f4646); // wOFF
  w.setUint32(4, view.getUint32(0));
  w.setUint32(8, size);
  w.setUint16(12, count);
  w.setUint32(16, ttf.byteLength);
  tables.forEach((table, i) => {
    const entry = 44 + 20 * i;
    w.setUint32(entry, table.tag);
    w.setUint32(entry + 4, at);
    w.setUint32(entry + 8, table.length);
    w.setUint32(entry + 12, table.length);
    w.setUint32(entry + 16, table.checksum);
    out.set(ttf.subarray(table.offset, table.offset + table.length), at);
    at += pad(table.length);
  });
  return out;
}

describe('nianbao.config.json', () => {
  it('gives absolute font paths, relative ones from the config folder', () => {
    const result = parseFontConfig(
      { fonts: { title: 'fonts/FZXBSJW.TTF', body: { file: '/f/simfang.ttc', face: 'FangSong' } } },
      '/office/nianbao.config.json',
      '/office',
    );
    expect(result).toEqual({
      ok: true,
      fonts: { title: { file: '/office/fonts/FZXBSJW.TTF' }, body: { file: '/f/simfang.ttc', face: 'FangSong' } },
    });
  });

  it('reports an unknown role and a wrong value at their JSON Pointers', () => {
    const result = parseFontConfig(
      { fonts: { heading: '/f/simhei.ttf', body: 12 } },
      '/office/nianbao.config.json',
      '/office',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPointer = new Map(result.problems.map((problem) => [problem.pointer, problem]));
    expect([...byPointer.keys()].sort()).toEqual(['/fonts/body', '/fonts/heading']);
    expect(byPointer.get('/fonts/heading')!.message.en).toMatch(
      /unknown key heading .*title, body, heading1, heading2/,
    );
    expect(byPointer.get('/fonts/body')!.file).toBe('/office/nianbao.config.json');
  });

  it('reads --fonts role=path pairs and refuses an unknown role', () => {
    expect(parseFontOption(['body=a.ttf,title=/b.ttf'], '/cwd')).toEqual({
      ok: true,
      fonts: { body: { file: '/cwd/a.ttf' }, title: { file: '/b.ttf' } },
    });
    const bad = parseFontOption(['kaiti=/k.ttf'], '/cwd');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ file: '--fonts', pointer: '/kaiti' });
  });
});

describe('font files', () => {
  it('refuses a missing file, a WOFF web font, a non-font and an unknown collection face, naming each', () => {
    const woff = join(tmp, 'DejaVuSans.woff');
    writeFileSync(woff, woffOf(readFileSync(DEJAVU)));
    // It is a real WOFF: fontkit reads it.
    expect((fontkit as unknown as { openSync(f: string): { familyName: string } }).openSync(woff).familyName).toBe(
      'DejaVu Sans',
    );
    const text = join(tmp, 'notes.txt');
    writeFileSync(text, 'not a font');
    const result = openRoleFonts({
      title: join(tmp, 'missing.ttf'),
      body: woff,
      heading1: text,
      heading2: { file: SERIF_CJK, face: 'KaiTi' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byRole = Object.fromEntries(result.problems.map((problem) => [problem.role, problem.message.en]));
    expect(byRole.title).toBe(`font file not found: ${join(tmp, 'missing.ttf')}`);
    expect(byRole.body).toMatch(/is a web font \(WOFF\): give the \.ttf, \.otf or \.ttc file/);
    expect(byRole.heading1).toMatch(/is not a TrueType\/OpenType font/);
    expect(byRole.heading2).toMatch(/has no face "KaiTi"; it has .*NotoSerifCJKsc-Regular/);
  });
});

describe('coverage per role', () => {
  it('names the Chinese characters a Latin-only body font lacks, with the font and the place', () => {
    const report = examples[0]!.report;
    const found = missingGlyphs(report, { fonts: { body: DEJAVU } });
    const body = found.filter((entry) => entry.role === 'body');
    expect(body.length).toBeGreaterThan(100);
    expect(body.every((entry) => entry.font === 'DejaVuSans.ttf')).toBe(true);
    const preface = body.filter((entry) => entry.pointer === '/preface/paragraphs/0').map((entry) => entry.char);
    const text = (report as { preface: { paragraphs: string[] } }).preface.paragraphs[0]!;
    expect(preface.length).toBeGreaterThan(5);
    for (const char of preface) expect(text).toContain(char);
    expect(preface).toContain([...text].find((char) => /\p{Script=Han}/u.test(char)));
    // The other roles keep the open defaults, which have every character.
    expect(found.filter((entry) => entry.role !== 'body')).toEqual([]);
  });

  it('checks the title font against the title, and the 楷体 font against the （一） headings', () => {
    const report = clone(examples[1]!.report) as Report;
    const found = missingGlyphs(report, { fonts: { title: DEJAVU, heading2: DEJAVU } });
    const roles = new Set(found.map((entry) => entry.role));
    expect(roles).toEqual(new Set(['title', 'heading2']));
    expect(found.find((entry) => entry.role === 'title')).toMatchObject({
      pointer: '/metadata/agency/name',
      font: 'DejaVuSans.ttf',
    });
  });

  it('finds none with full Chinese fonts in every role, collections included', () => {
    const fonts = {
      title: KAI_BOLD,
      body: { file: SERIF_CJK, face: 'NotoSerifCJKsc-Regular' },
      heading1: { file: SANS_CJK, face: 'NotoSansCJKsc-Regular' },
      heading2: KAI,
    };
    for (const { report } of examples) expect(missingGlyphs(report, { fonts })).toEqual([]);
  });
});

describe('a PDF with the office fonts', () => {
  it('embeds each role font as a subset (TrueType and CFF from a collection) and the text extracts', async () => {
    const file = join(tmp, 'roles.pdf');
    const fonts = {
      title: KAI_BOLD,
      body: { file: SERIF_CJK, face: 'NotoSerifCJKsc-Regular' },
      heading1: { file: SANS_CJK, face: 'NotoSansCJKsc-Regular' },
      heading2: KAI,
    };
    writeFileSync(file, await renderPdf(examples[1]!.report, { fonts }));
    const listed = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const line = (name: string) => listed.find((entry) => entry.includes(`+${name} `)) ?? '';
    expect(line('LXGWWenKai-Bold')).toMatch(/^[A-Z]{6}\+LXGWWenKai-Bold +CID TrueType .* yes +yes +yes/);
    expect(line('LXGWWenKai-Regular')).toMatch(/CID TrueType .* yes +yes +yes/);
    expect(line('NotoSerifCJKsc-Regular')).toMatch(/CID Type 0C .* yes +yes +yes/);
    expect(line('NotoSansCJKsc-Regular')).toMatch(/CID Type 0C .* yes +yes +yes/);
    // The open defaults are not embedded when every role has its own font.
    expect(listed.some((entry) => /NotoSerifSC|NotoSansSC/.test(entry))).toBe(false);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('政府信息公开工作年度报告');
    expect(text).toContain('一、总体情况');
    execFileSync('qpdf', ['--check', file]);
  });

  it('draws a character the body font lacks as 〓', async () => {
    const file = join(tmp, 'latin.pdf');
    writeFileSync(file, await renderPdf(examples[0]!.report, { fonts: { body: DEJAVU } }));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('〓');
  });
});
