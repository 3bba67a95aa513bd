// Builds dist/pdfjs.cjs: pdfjs-dist's legacy build (the one that runs on Node 20) and its worker module,
// bundled into one CommonJS script, as the importer runs it (src/pdf/library.ts loads it; the CLI runs
// the same file with a V8 code cache). The importer reads text and rulings and renders nothing; the
// changes below take out work that only rendering needs. They change nothing the importer reads (its PDF
// and corpus tests read through this bundle; the text runs and rulings of the corpus PDFs were compared
// with pdfjs-dist's own), but for one case noted at its patch:
//
// - Flate streams are inflated with zlib's synchronous call (src/pdf/sync-decompression.ts, injected in
//   place of the global DecompressionStream in this bundle only): a Type 3 font, as Chromium prints
//   Chinese, has a compressed stream per glyph, each a few hundred microseconds of web-stream overhead.
// - PATCHES: source changes, each found exactly once or the build stops (a new pdfjs-dist must be
//   looked at again).
//
// The first line carries a build id (a hash of the bundle), which the CLI's code cache must match
// (apps/cli/src/cached-script.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

const PATCHES = [
  {
    // pdfjs-dist's Node polyfills for rendering set DOMMatrix, ImageData and Path2D on globalThis from the
    // native @napi-rs/canvas, whose loading took 60-90 ms of each `nianbao import x.pdf`. The one needed
    // to load, DOMMatrix, is injected from that package's plain-JavaScript file (pdfjs-geometry.mjs).
    why: 'no native canvas',
    file: 'pdf.mjs',
    find: /\nif \(isNodeJS\) \{\n {2}let canvas;\n[\s\S]*?\n( {2}if \(!globalThis\.navigator\?\.language\) \{)/g,
    replace: '\nif (isNodeJS) {\n$1',
  },
  {
    // Without font faces (as in Node), the operator list compiles the outline of every glyph shown and posts
    // it to the main thread, for a canvas to draw: a tenth of a cold import of a WPS-made PDF.
    why: 'no glyph outlines',
    file: 'pdf.worker.mjs',
    find: /\n( {2})handleText\(chars, state\) \{\n {4}const font = state\.font;\n {4}const glyphs = font\.charsToGlyphs\(chars\);\n {4}if \(font\.data\) \{\n[\s\S]*?\n {4}\}\n {4}return glyphs;\n {2}\}/g,
    replace: '\n$1handleText(chars, state) {\n    return state.font.charsToGlyphs(chars);\n  }',
  },
  {
    // A Type 3 font's glyphs are each a content stream, all parsed into operator lists for a canvas to
    // draw. Reading text needs none of them when the font declares a FontBBox: pdfjs-dist parses them for
    // text only to make one up when it is empty (or when a glyph is ten times larger than it says, which
    // then only changes the heights pdfjs-dist reports). Chromium's "Save as PDF" writes Chinese as Type 3
    // fonts, a font per few glyphs: a tenth of a cold import of such a PDF.
    why: 'no Type 3 glyphs',
    file: 'pdf.worker.mjs',
    find: /\n( {4}const fontBBoxSize = Math\.hypot\(width, height\);\n)( {4}for \(const key of charProcs\.getKeys\(\)\) \{)/g,
    replace:
      '\n$1    if (fontBBoxSize > 0) {\n      font.charProcOperatorList = charProcOperatorList;\n      this.#type3Loaded = Promise.resolve();\n      return this.#type3Loaded;\n    }\n$2',
  },
  ...['pdf.mjs', 'pdf.worker.mjs'].map((file) => ({
    // A polyfill of Response.prototype.bytes, which only pdfjs-dist's writing of PDFs uses (and Node 20.20
    // has): looking Response up on load makes Node load its fetch implementation, 40 ms of a cold import.
    why: 'no fetch on load',
    file,
    find: /\nif \(typeof Response\.prototype\.bytes !== "function"\) \{\n {2}Response\.prototype\.bytes = async function \(\) \{\n {4}return new Uint8Array\(await this\.arrayBuffer\(\)\);\n {2}\};\n\}/g,
    replace: '',
  })),
];

/** The patches applied, so that one whose file was never loaded stops the build too. */
const applied = new Set();

/** pdfjs-dist's two modules with PATCHES applied. */
const patched = {
  name: 'patched-pdfjs',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf(\.worker)?\.mjs$/ }, (args) => {
      let contents = readFileSync(args.path, 'utf8');
      for (const patch of PATCHES.filter(({ file }) => args.path.replace(/\\/g, '/').endsWith(`/${file}`))) {
        const found = contents.match(patch.find)?.length ?? 0;
        if (found !== 1)
          throw new Error(`build-pdfjs: "${patch.why}" expects its code once in ${args.path}, found ${found}`);
        contents = contents.replace(patch.find, patch.replace);
        applied.add(patch);
      }
      return { contents, loader: 'js' };
    });
  },
};

const out = `${root}dist/pdfjs.cjs`;
const BUILD_ID = 'BUILD_ID_OF_THIS_BUNDLE';
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
  plugins: [patched],
  // pdfjs-dist finds its own files (cmaps, standard fonts) from import.meta.url: that stays the URL of
  // its installed legacy build, as if it had been imported.
  banner: {
    js: [
      `// nianbao-pdfjs ${BUILD_ID}`,
      `var pdfjsUrl = require('node:url').pathToFileURL(require.resolve(${JSON.stringify('pdfjs-dist/legacy/build/pdf.mjs')})).href;`,
    ].join('\n'),
  },
  define: { 'import.meta.url': 'pdfjsUrl' },
});
// The build id is the hash of what was built: building the same again (the importer's tests build first,
// while the CLI's run) gives the same file, and the CLI's code cache of it stays valid.
const built = readFileSync(building, 'latin1');
writeFileSync(
  building,
  built.replace(BUILD_ID, createHash('sha256').update(built).digest('hex').slice(0, 32)),
  'latin1',
);

const problems = [
  ...PATCHES.filter((patch) => !applied.has(patch)).map(
    (patch) => `"${patch.why}" not applied (its file was not bundled)`,
  ),
  ...(readFileSync(building, 'latin1').includes('SyncDecompressionStream')
    ? []
    : ['the DecompressionStream of src/pdf/sync-decompression.ts was not injected']),
];
if (problems.length > 0) {
  rmSync(building, { force: true });
  throw new Error(`build-pdfjs: ${problems.join('; ')}`);
}
// Renamed into place: a process loading the bundle meanwhile finds the old one or the new one.
renameSync(building, out);
