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
import { CachedScriptSlot, type CodeCacheStatus, debugging } from './cached-script.js';

export type Importer = typeof import('@nianbao/importer');

const IMPORTER_FILE = fileURLToPath(new URL('./importer.cjs', import.meta.url));
const CACHE_FILE = fileURLToPath(new URL('./importer.cache', import.meta.url));

const slot = new CachedScriptSlot<Importer>('importer.cjs', CACHE_FILE);
let importer: Importer | undefined;

export async function loadImporter(): Promise<Importer> {
  if (importer) return importer;
  importer = debugging() ? await import('@nianbao/importer') : slot.run(IMPORTER_FILE);
  return importer;
}

export function importerCacheStatus(): CodeCacheStatus {
  return slot.status();
}

/** The code cache of importer.cjs as compiled so far, for the build's training run (dist/importer.cache). */
export function createImporterCodeCache(): Buffer {
  return slot.createCodeCache();
}
