/**
 * The importer's bundle of pdfjs-dist (scripts/build-pdfjs.mjs, src/pdf/library.ts): what loading it
 * leaves in the process, and its DecompressionStream (src/pdf/sync-decompression.ts). That it reads
 * every PDF as before is what the PDF and corpus tests check: they read through it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadPdfjs, pdfjsBundlePath } from '../src/pdf/library.js';
import { readPdf } from '../src/pdf/read.js';
import { SyncDecompressionStream } from '../src/pdf/sync-decompression.js';
import { externalCorpusDir } from './corpus-harness.js';
import { repoRoot } from './helpers.js';

/** Inflates `data` the way pdfjs-dist does (asyncGetBytesFromDecompressionStream). */
async function inflateLikePdfjs(
  stream: { writable: WritableLike; readable: AsyncIterable<Uint8Array> },
  data: Uint8Array,
) {
  const writer = stream.writable.getWriter();
  await writer.ready;
  writer
    .write(data)
    .then(async () => {
      await writer.ready;
      await writer.close();
    })
    .catch(() => {});
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream.readable) chunks.push(chunk);
  return Buffer.concat(chunks);
}
type WritableLike = {
  getWriter(): { ready: Promise<unknown>; write(chunk: Uint8Array): Promise<unknown>; close(): Promise<unknown> };
};

describe('SyncDecompressionStream', () => {
  const text = Buffer.from('BT /F1 12 Tf 72 712 Td (政府信息公开工作年度报告) Tj ET\n'.repeat(200));
  const formats = [
    ['deflate', deflateSync(text)],
    ['deflate-raw', deflateRawSync(text)],
    ['gzip', gzipSync(text)],
  ] as const;

  it.each(formats)('inflates %s as Node’s DecompressionStream does', async (format, compressed) => {
    const ours = await inflateLikePdfjs(new SyncDecompressionStream(format), compressed);
    const nodes = await inflateLikePdfjs(new DecompressionStream(format) as never, compressed);
    expect(ours.equals(text)).toBe(true);
    expect(ours.equals(nodes)).toBe(true);
  });

  it('rejects damaged data as Node’s does, so that pdfjs-dist falls back to its own decoder', async () => {
    const cut = deflateSync(text).subarray(0, 40);
    await expect(inflateLikePdfjs(new SyncDecompressionStream('deflate'), cut)).rejects.toThrow();
    await expect(inflateLikePdfjs(new DecompressionStream('deflate') as never, cut)).rejects.toThrow();
  });

  it('refuses a format it does not know, as the constructor of the web API does', () => {
    expect(() => new SyncDecompressionStream('lzw')).toThrow(TypeError);
  });
});

describe('the bundle', () => {
  it('is built with its changes to pdfjs-dist', () => {
    const bundle = readFileSync(pdfjsBundlePath(), 'latin1');
    // Its build id is the hash of what was built, so that building it again keeps the CLI's code cache valid.
    const id = /^\/\/ nianbao-pdfjs ([0-9a-f]{32})\n/.exec(bundle)?.[1];
    expect(id).toBe(
      createHash('sha256')
        .update(bundle.replace(id ?? '', 'BUILD_ID_OF_THIS_BUNDLE'))
        .digest('hex')
        .slice(0, 32),
    );
    expect(bundle).toContain('new SyncDecompressionStream(name)');
    // pdfjs-dist's own polyfills set these from the native canvas.
    expect(bundle).not.toMatch(/globalThis\.(DOMMatrix|ImageData|Path2D) = /);
    expect(bundle).toMatch(
      /\n {2}handleText\(chars2?, state\) \{\n {4}return state\.font\.charsToGlyphs\(chars2?\);\n {2}\}/,
    );
    expect(bundle).not.toContain('Response.prototype.bytes');
    // A Type 3 font's glyph programs are parsed only when its FontBBox is empty.
    expect(bundle).toMatch(/const fontBBoxSize = Math\.hypot\(width, height\);\n {4}if \(fontBBoxSize > 0\) \{/);
  });

  it('leaves the process its own built-ins and loads neither a native canvas nor fetch (a fresh Node imports a PDF)', () => {
    const importer = join(repoRoot, 'packages', 'importer', 'dist', 'index.js');
    const pdf = join(repoRoot, 'packages', 'importer', 'test', 'fixtures', 'nianbao-sample-bureau-2021.pdf');
    const script = `
      const before = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
      const { importFile } = await import(${JSON.stringify(importer)});
      const { readFileSync } = await import('node:fs');
      const { createRequire } = await import('node:module');
      const result = await importFile(new Uint8Array(readFileSync(${JSON.stringify(pdf)})), 'sample.pdf');
      const required = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({
        ok: result.ok,
        builtins: Array.prototype.push === before.push && JSON.parse === before.parse && JSON.stringify === before.stringify,
        globals: ['DOMMatrix', 'ImageData', 'Path2D'].filter((name) => name in globalThis),
        canvas: required.filter((file) => file.includes('@napi-rs')),
        fetch: process.moduleLoadList.filter((name) => name.includes('undici')),
      }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, builtins: true, globals: [], canvas: [], fetch: [] });
  });

  it('reads every PDF of the corpus exactly as pdfjs-dist itself does: the same text runs and rulings', async () => {
    const files = [
      ...['sh-gov-office-2019-pdf', 'js-shuyang-fgj-2023-pdf'].map((id) =>
        join(repoRoot, 'packages', 'importer', 'test', 'corpus', id, 'source.pdf'),
      ),
      ...['generated-2021-10-pages', 'chizhou-rfb-2020', 'sample-bureau-2021'].map((name) =>
        join(repoRoot, 'packages', 'importer', 'test', 'fixtures', `nianbao-${name}.pdf`),
      ),
      // The WPS-made PDFs kept outside the repository, where this machine has them.
      ...['js-hongze-gov-2023-wps', 'js-hongze-gov-2024-wps', 'js-huaian-gov-2024-wps']
        .map((id) => join(externalCorpusDir, id, 'source.pdf'))
        .filter((file) => existsSync(file)),
    ].map((file) => new Uint8Array(readFileSync(file)));
    const published = await import('pdfjs-dist/legacy/build/pdf.mjs');
    for (const bytes of files)
      expect(await readPdf(bytes, loadPdfjs())).toEqual(await readPdf(bytes, published as never));
  });
});
