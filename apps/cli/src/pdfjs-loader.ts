/**
 * pdfjs-dist for `nianbao import report.pdf`: the importer's bundle of it (`@nianbao/importer/pdfjs`,
 * made by packages/importer/scripts/build-pdfjs.mjs), run with the code cache dist/pdfjs.cache made at
 * build time by reading a 10-page report (./cached-script.ts says why). Compiling those 3 MB of
 * JavaScript anew was a third of a cold import of a 10-page PDF (BENCHMARKS.md).
 *
 * The importer runs the file (`runPdfjsBundle`): it keeps the process's built-ins and hands pdfjs-dist
 * the bundle's worker. With NIANBAO_DEBUG set, nothing is returned: the importer loads the bundle itself.
 */
import { fileURLToPath } from 'node:url';
import type { PdfjsLibrary } from '@nianbao/importer';
import { CachedScriptSlot, type CodeCacheStatus, debugging } from './cached-script.js';
import type { Importer } from './importer-loader.js';

const CACHE_FILE = fileURLToPath(new URL('./pdfjs.cache', import.meta.url));

const slot = new CachedScriptSlot<PdfjsLibrary>('@nianbao/importer/pdfjs', CACHE_FILE);
let library: PdfjsLibrary | undefined;

/** `importer`: the loaded importer (./importer-loader.ts), which runs the bundle. */
export function loadPdfjs(importer: Pick<Importer, 'runPdfjsBundle'>): PdfjsLibrary | undefined {
  if (debugging()) return undefined;
  library ??= importer.runPdfjsBundle((file) => slot.run(file));
  return library;
}

export function pdfjsCacheStatus(): CodeCacheStatus {
  return slot.status();
}

/** The code cache of the bundle as compiled so far, for the build's training run (dist/pdfjs.cache). */
export function createPdfjsCodeCache(): Buffer {
  return slot.createCodeCache();
}
