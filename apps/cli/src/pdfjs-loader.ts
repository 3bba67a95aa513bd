/**
 * pdfjs-dist for `nianbao import report.pdf`: its legacy build and its worker bundled into
 * dist/pdfjs.cjs (./pdfjs.ts), run with the code cache dist/pdfjs.cache made at build time by reading a
 * 10-page report (./cached-script.ts says why). Loading pdfjs-dist's two ES modules compiled 3 MB of
 * JavaScript on each start: a third of a cold import of a 10-page PDF (BENCHMARKS.md).
 *
 * The worker module is handed to pdfjs as `globalThis.pdfjsWorker`, the way pdfjs-dist documents for
 * a worker loaded beforehand, so its "fake worker" (the one pdfjs runs in Node) does not import the ES
 * module again. With NIANBAO_DEBUG set, nothing is returned: the importer loads pdfjs-dist itself.
 */
import { fileURLToPath } from 'node:url';
import type { PdfjsLibrary } from '@nianbao/importer';
import { type CachedScript, type CodeCacheStatus, debugging, runCachedScript } from './cached-script.js';

type Bundle = PdfjsLibrary & { worker: { WorkerMessageHandler: unknown } };

const PDFJS_FILE = fileURLToPath(new URL('./pdfjs.cjs', import.meta.url));
const CACHE_FILE = fileURLToPath(new URL('./pdfjs.cache', import.meta.url));

let script: CachedScript<Bundle> | undefined;

export function loadPdfjs(): PdfjsLibrary | undefined {
  if (debugging()) return undefined;
  if (!script) {
    script = runCachedScript<Bundle>(PDFJS_FILE, CACHE_FILE);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= script.exports.worker;
  }
  return script.exports;
}

export function pdfjsCacheStatus(): CodeCacheStatus {
  return script?.status ?? 'not-used';
}

/** The code cache of pdfjs.cjs as compiled so far, for the build's training run (dist/pdfjs.cache). */
export function createPdfjsCodeCache(): Buffer {
  if (!script) throw new Error('createPdfjsCodeCache: loadPdfjs() has not compiled the script');
  return script.createCodeCache();
}
