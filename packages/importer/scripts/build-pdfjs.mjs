// Builds dist/pdfjs.cjs: pdfjs-dist's legacy build (the one that runs on Node 20) and its worker module,
// bundled into one CommonJS script, as the importer runs it (src/pdf/library.ts loads it; the CLI runs
// the same file with a V8 code cache). Two changes to pdfjs-dist, both for speed, neither to what it
// reads (the importer's PDF tests read the same documents through it):
//
// - Flate streams are inflated with zlib's synchronous call (src/pdf/sync-decompression.ts, injected in
//   place of the global DecompressionStream in this bundle only): a Type 3 font has a stream per glyph.
// - pdfjs-dist's Node polyfills for rendering (DOMMatrix, ImageData and Path2D set on globalThis from the
//   native @napi-rs/canvas) are left out: loading that package took 60–90 ms of each `nianbao import
//   x.pdf`, and nianbao reads text and rulings and renders nothing. The one pdfjs-dist needs to load,
//   DOMMatrix, is injected from the same package's plain-JavaScript file (scripts/pdfjs-geometry.mjs).
//   The build stops if pdfjs-dist's code is not as expected.
//
// The first line carries a build id, which the CLI's code cache must match (apps/cli/src/cached-script.ts).
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

const RENDERING_POLYFILLS =
  /\nif \(isNodeJS\) \{\n {2}let canvas;\n[\s\S]*?\n( {2}if \(!globalThis\.navigator\?\.language\) \{)/g;

/** pdfjs-dist's main module without the rendering polyfills (see above). */
const withoutCanvas = {
  name: 'without-canvas',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const found = source.match(RENDERING_POLYFILLS)?.length ?? 0;
      if (found !== 1)
        throw new Error(`build-pdfjs: expected pdfjs-dist's Node polyfill block once in ${args.path}, found ${found}`);
      const contents = source.replace(
        RENDERING_POLYFILLS,
        '\nif (isNodeJS) {\n  // nianbao: no @napi-rs/canvas, nothing is rendered (scripts/build-pdfjs.mjs)\n$1',
      );
      return { contents, loader: 'js' };
    });
  },
};

const out = `${root}dist/pdfjs.cjs`;
const building = `${out}.${process.pid}.tmp`;
mkdirSync(`${root}dist`, { recursive: true });
await build({
  absWorkingDir: root,
  stdin: {
    contents: [
      "export * from 'pdfjs-dist/legacy/build/pdf.mjs';",
      "export * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';",
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'pdfjs-bundle.js',
  },
  outfile: building,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  charset: 'ascii',
  inject: [`${root}src/pdf/sync-decompression.ts`, `${root}scripts/pdfjs-geometry.mjs`],
  plugins: [withoutCanvas],
  // pdfjs-dist finds its own files (cmaps, standard fonts) from import.meta.url: that stays the URL of
  // its installed legacy build, as if it had been imported.
  banner: {
    js: [
      `// nianbao-pdfjs ${randomUUID()}`,
      `var pdfjsUrl = require('node:url').pathToFileURL(require.resolve(${JSON.stringify('pdfjs-dist/legacy/build/pdf.mjs')})).href;`,
    ].join('\n'),
  },
  define: { 'import.meta.url': 'pdfjsUrl' },
});
// Renamed into place: a process loading the bundle meanwhile finds the old one or the new one.
renameSync(building, out);
if (!readFileSync(out, 'latin1').includes('SyncDecompressionStream'))
  throw new Error('build-pdfjs: the DecompressionStream of src/pdf/sync-decompression.ts was not injected');
