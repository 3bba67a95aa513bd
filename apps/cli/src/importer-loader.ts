/**
 * @nianbao/importer for `nianbao import`: bundled by the build into dist/importer.cjs and run with the
 * code cache dist/importer.cache, made by the build's training run (./cached-script.ts says why).
 * Importing the package's 40 ES modules took about 65 ms of every cold `nianbao import`; the cached
 * script loads in about 10. What the importer requires only on demand (parse5, fflate, OpenCC, the
 * validator) and its bundle of pdfjs-dist stay files of their packages, resolved from here.
 *
 * With NIANBAO_DEBUG set, the package itself is imported (stack traces point into its sources).
 */
import { fileURLToPath } from 'node:url';
import { type CachedScript, type CodeCacheStatus, debugging, runCachedScript } from './cached-script.js';

export type Importer = typeof import('@nianbao/importer');

const IMPORTER_FILE = fileURLToPath(new URL('./importer.cjs', import.meta.url));
const CACHE_FILE = fileURLToPath(new URL('./importer.cache', import.meta.url));

let script: CachedScript<Importer> | undefined;
let importer: Importer | undefined;

export async function loadImporter(): Promise<Importer> {
  if (importer) return importer;
  if (debugging()) importer = await import('@nianbao/importer');
  else {
    script = runCachedScript<Importer>(IMPORTER_FILE, CACHE_FILE);
    importer = script.exports;
  }
  return importer;
}

export function importerCacheStatus(): CodeCacheStatus {
  return script?.status ?? 'not-used';
}

/** The code cache of importer.cjs as compiled so far, for the build's training run (dist/importer.cache). */
export function createImporterCodeCache(): Buffer {
  if (!script) throw new Error('createImporterCodeCache: loadImporter() has not compiled the script');
  return script.createCodeCache();
}
