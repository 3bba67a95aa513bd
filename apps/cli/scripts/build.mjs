// Builds dist/: what `nianbao` runs, and what the tests run. CommonJS (dist/package.json says so):
// Node 20 starts a CommonJS file faster than an ES module (no ES module loader to set up, nor a
// resolution per file). Every output sits in dist/ itself, no subfolders, so the code finds the
// worker, core.cjs and ../package.json relative to its own file.
//
//   bin.js           the entry: switches on source maps under NIANBAO_DEBUG, then requires run.js
//   run.js           the CLI's own code, every command (npm packages stay external: the renderers
//                    are import()ed from node_modules by `build` only)
//   build-worker.js  a worker thread of a batch build
//   core-loader.js   loads core.cjs with its code cache (one instance per thread)
//   core.cjs         @nianbao/source, validator and template, yaml and zod bundled into one script
//                    (src/core.ts; zod's message locales only on demand), ASCII only, and
//   core.cache       its V8 code cache, made by a training run (validating the examples) in a
//                    fresh node; see src/core-loader.ts
//   importer-loader.js, importer.cjs, importer.cache
//                    the same for @nianbao/importer (with @nianbao/template), for `nianbao import`;
//                    see src/importer-loader.ts
//   pdfjs-loader.js, pdfjs.cache
//                    the code cache of the importer's bundle of pdfjs-dist (@nianbao/importer/pdfjs),
//                    for `nianbao import x.pdf`; see src/pdfjs-loader.ts
//                    (both caches made by one training run: importing a 10-page PDF, a text, a page)
// Source maps next to each file (NIANBAO_DEBUG=1 turns them on for stack traces).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// Built next to dist/ and renamed into place at the end: a CLI that runs meanwhile (tests, benchmarks,
// another build of the repository) finds the old dist/ or the new one, never a half-built one.
const target = fileURLToPath(new URL('../dist', import.meta.url));
const building = fileURLToPath(new URL(`../.tmp-dist-${process.pid}`, import.meta.url));
const dist = `${building}/`;
rmSync(building, { recursive: true, force: true });
mkdirSync(building);
writeFileSync(`${dist}package.json`, `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

const common = {
  absWorkingDir: root,
  outdir: dist,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
};

/** The files the CLI's own code requires at run time stay separate outputs. */
const separateFiles = {
  name: 'separate-files',
  setup(build) {
    build.onResolve({ filter: /\/(core-loader|importer-loader|pdfjs-loader|run)\.js$/ }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: `./${args.path.split('/').pop()}`, external: true },
    );
  },
};

await build({
  ...common,
  entryPoints: {
    bin: 'src/bin.ts',
    run: 'src/run.ts',
    'build-worker': 'src/build/worker.ts',
    'core-loader': 'src/core-loader.ts',
    'importer-loader': 'src/importer-loader.ts',
    'pdfjs-loader': 'src/pdfjs-loader.ts',
  },
  packages: 'external',
  plugins: [separateFiles],
  inject: ['scripts/import-meta-url.js'],
  define: { 'import.meta.url': 'importMetaUrl' },
  charset: 'utf8',
});

/**
 * zod's 50 message locales are a quarter of core.cjs, and the validator uses none of them (zod's
 * English messages come from its own import of locales/en.js, which stays bundled). Its
 * `locales` namespace becomes functions of the same names that require the locale from the
 * installed zod when called. Made from zod's own locales/index.js; when that file does not have
 * the expected form, nothing is replaced.
 */
const zodLocalesOnDemand = {
  name: 'zod-locales-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)) return undefined;
      const file = join(dirname(args.importer), args.path);
      const lines = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '');
      const locales = lines.map((line) => /^export \{ default as (\w+) \} from "\.\/([\w-]+)\.js";$/.exec(line));
      if (locales.length === 0 || locales.some((match) => match === null)) return undefined;
      return { path: file, namespace: 'zod-locales', pluginData: locales };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      loader: 'js',
      contents: args.pluginData
        // zod's CommonJS locale files export the function itself (module.exports = exports.default).
        .map(
          ([, name, base]) =>
            `export function ${name}(...args) { const m = require(${JSON.stringify(`zod/v4/locales/${base}.cjs`)}); return (m.default ?? m)(...args); }`,
        )
        .join('\n'),
    }));
  },
};

// The build id ties core.cache to this exact core.cjs (V8 itself checks only the script's length).
const buildId = randomUUID();
await build({
  ...common,
  entryPoints: { core: 'src/core.ts' },
  outExtension: { '.js': '.cjs' },
  banner: { js: `// nianbao-core ${buildId}` },
  // Smaller to read and parse; names are kept, so stack traces stay readable without the map.
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  plugins: [zodLocalesOnDemand],
  external: ['zod/v4/locales/*'],
});
/**
 * esbuild leaves a few characters raw (in regular expressions with the u flag); as \u escapes they
 * mean the same there, in strings and in identifiers. ASCII lets the loader read the file as latin1:
 * no UTF-8 decoding, and a one-byte string for V8.
 */
function makeAscii(path) {
  const text = readFileSync(path, 'utf8').replace(
    /[^\x00-\x7f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  writeFileSync(path, text);
}
makeAscii(`${dist}core.cjs`);

// The importer: what it requires on demand (parse5, fflate, opencc-js, @nianbao/validator, its pdfjs-dist
// bundle) is required by name at run time, from dist/ (the CLI's dependencies say so).
await build({
  ...common,
  stdin: { contents: "export * from '@nianbao/importer';", resolveDir: root, sourcefile: 'importer.js' },
  outfile: `${dist}importer.cjs`,
  outdir: undefined,
  banner: { js: `// nianbao-importer ${buildId}` },
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  inject: ['scripts/import-meta-url.js'],
  define: { 'import.meta.url': 'importMetaUrl' },
});
makeAscii(`${dist}importer.cjs`);

// The training run: a fresh node without NODE_OPTIONS or debug settings, as a user runs it.
const examples = ['chizhou-rfb-2020.yaml', 'sample-bureau-2021.yaml']
  .map((name) => fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url)))
  .filter((file) => existsSync(file));
const training = `
  const { writeFileSync } = require('node:fs');
  const { loadCore, createCodeCache } = require(${JSON.stringify(`${dist}core-loader.js`)});
  (async () => {
    const core = loadCore();
    for (const file of ${JSON.stringify(examples)}) {
      const read = await core.readReportFile(file);
      if (!read.ok) throw new Error(file + ': ' + read.problem.message.en);
      core.validateReport(read.document);
    }
    writeFileSync(${JSON.stringify(`${dist}core.cache`)}, createCodeCache());
  })().catch((error) => { console.error(error); process.exitCode = 1; });
`;
// The importer's training run: the 10-page fixture PDF, read as `nianbao import` reads it, a text and a
// web page; it writes the code caches of importer.cjs and of the importer's pdfjs-dist.
const fixture = (name) => fileURLToPath(new URL(`../../../packages/importer/test/fixtures/${name}`, import.meta.url));
const importerTraining = `
  const { readFileSync, writeFileSync } = require('node:fs');
  const { loadImporter, createImporterCodeCache } = require(${JSON.stringify(`${dist}importer-loader.js`)});
  const { loadPdfjs, createPdfjsCodeCache } = require(${JSON.stringify(`${dist}pdfjs-loader.js`)});
  (async () => {
    const importer = await loadImporter();
    const pdfjs = loadPdfjs(importer);
    for (const file of ${JSON.stringify(['nianbao-generated-2021-10-pages.pdf', 'text-2021.txt', 'cms-government-2021.html'].map(fixture))}) {
      const result = await importer.importFile(new Uint8Array(readFileSync(file)), file, { pdfjs });
      if (!result.ok) throw new Error(file + ': ' + result.problem.message.en);
    }
    writeFileSync(${JSON.stringify(`${dist}importer.cache`)}, createImporterCodeCache());
    writeFileSync(${JSON.stringify(`${dist}pdfjs.cache`)}, createPdfjsCodeCache());
  })().catch((error) => { console.error(error); process.exitCode = 1; });
`;
const env = { ...process.env };
delete env.NODE_OPTIONS;
delete env.NIANBAO_DEBUG;
for (const [script, what] of [
  [training, 'core.cjs'],
  [importerTraining, 'importer.cjs and @nianbao/importer/pdfjs'],
]) {
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, env, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    rmSync(building, { recursive: true, force: true });
    throw new Error(`apps/cli build: the training run for the code cache of ${what} failed`);
  }
}

// Two renames: the old dist/ is moved aside first (a folder cannot be renamed onto another).
const old = fileURLToPath(new URL(`../.tmp-old-dist-${process.pid}`, import.meta.url));
if (existsSync(target)) renameSync(target, old);
renameSync(building, target);
rmSync(old, { recursive: true, force: true });
