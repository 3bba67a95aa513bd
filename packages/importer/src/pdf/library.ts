/**
 * pdfjs-dist as the importer runs it: the bundle of its legacy build that scripts/build-pdfjs.mjs makes
 * (dist/pdfjs.cjs, exported as `@nianbao/importer/pdfjs`), loaded on first use.
 */
import { createRequire } from 'node:module';
import type { PdfjsLibrary } from '../types.js';

/** The bundle: pdfjs-dist and the worker module inside it. */
type PdfjsBundle = PdfjsLibrary & { worker: { WorkerMessageHandler: unknown } };

const require = createRequire(import.meta.url);

/** Where the bundle is (for the CLI, which runs the same file with a code cache). */
export function pdfjsBundlePath(): string {
  return require.resolve('@nianbao/importer/pdfjs');
}

/**
 * Runs `load` (which loads pdfjs-dist) and puts back the built-ins that the core-js inside pdfjs-dist's
 * legacy build replaced for the whole process: `Array.prototype.push` (for arrays over 2³² long, which
 * V8 gets wrong) and `JSON.parse`/`JSON.stringify` (for proposals pdfjs-dist does not use). Their
 * replacements are written in JavaScript and several times slower: left in place, they cost a cold
 * `nianbao import x.pdf` about a sixth of its time, and every program using the importer (a server
 * reading PDFs) all of its pushes and JSON from then on. What core-js adds (Promise.withResolvers,
 * iterator helpers, …) stays: pdfjs-dist needs it on Node 20.
 */
export function keepingBuiltins<T>(load: () => T): T {
  const push = Array.prototype.push;
  const { parse, stringify } = JSON;
  try {
    return load();
  } finally {
    Array.prototype.push = push;
    JSON.parse = parse;
    JSON.stringify = stringify;
  }
}

/**
 * Runs the bundle with `run` (given its path; the CLI runs it with a V8 code cache) and hands pdfjs-dist
 * the worker module of the same bundle, as its documentation says for a worker loaded beforehand
 * (`globalThis.pdfjsWorker`): in Node pdfjs-dist runs its worker on the main thread (a "fake worker"),
 * and would otherwise import pdf.worker.mjs itself, without the bundle's changes.
 */
export function runPdfjsBundle(run: (file: string) => unknown): PdfjsLibrary {
  const bundle = keepingBuiltins(() => run(pdfjsBundlePath()) as PdfjsBundle);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= bundle.worker;
  return bundle;
}

let loaded: PdfjsLibrary | undefined;

/** The importer's own pdfjs-dist, loaded once. */
export function loadPdfjs(): PdfjsLibrary {
  loaded ??= runPdfjsBundle(require);
  return loaded;
}
