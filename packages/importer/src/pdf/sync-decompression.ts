/**
 * The `DecompressionStream` that nianbao's bundle of pdfjs-dist uses (scripts/build-pdfjs.mjs injects it
 * in place of the global one, in that bundle only).
 *
 * Why: pdfjs-dist inflates every Flate stream of a PDF through `new DecompressionStream('deflate')`. In
 * Node that is a web stream over zlib's thread pool: a few hundred microseconds of stream machinery per
 * stream, whatever its size. A page's content is one stream, but a Type 3 font (as Chromium's "Save as
 * PDF" writes text) has one per glyph: the Shanghai office's 5-page report has thousands, and reading it
 * took twice as long as reading a WPS-made PDF of the same length (BENCHMARKS.md, section 6).
 *
 * This one inflates with zlib's synchronous call when the writer closes. It has the part of the web
 * API pdfjs-dist uses (`writable.getWriter()` with `ready`, `write`, `close`; `readable` iterated with
 * `for await`), and fails the way Node's does on damaged data (the iteration rejects), after which
 * pdfjs-dist inflates the stream with its own decoder, which reads as much of it as it can.
 */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

type Inflate = (data: Buffer) => Buffer;

const INFLATE: Record<string, Inflate> = {
  deflate: inflateSync,
  'deflate-raw': inflateRawSync,
  gzip: gunzipSync,
  brotli: brotliDecompressSync,
};

interface Writer {
  readonly ready: Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export class SyncDecompressionStream {
  readonly writable: { getWriter(): Writer };
  readonly readable: AsyncIterable<Uint8Array>;

  constructor(format: string) {
    const inflate = INFLATE[format];
    if (!inflate) throw new TypeError(`DecompressionStream: unsupported format "${format}"`);
    const chunks: Uint8Array[] = [];
    let markClosed = () => {};
    const closed = new Promise<void>((resolve) => {
      markClosed = resolve;
    });
    const writer: Writer = {
      ready: Promise.resolve(),
      write: async (chunk) => {
        chunks.push(chunk);
      },
      close: async () => markClosed(),
    };
    this.writable = { getWriter: () => writer };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        await closed;
        const output = inflate(Buffer.concat(chunks));
        yield new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
      },
    };
  }
}

/** The name esbuild's `inject` replaces the bundle's free `DecompressionStream` with. */
export { SyncDecompressionStream as DecompressionStream };
