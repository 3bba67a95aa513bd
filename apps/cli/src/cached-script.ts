/**
 * Runs a CommonJS script (dist/core.cjs; @nianbao/importer's bundle of pdfjs-dist) with the V8 code
 * cache made for it at the CLI's build (dist/core.cache, dist/pdfjs.cache).
 *
 * Why: on Node 20 the CLI spent more of a short command loading libraries than using them: every ES
 * module is read, parsed and compiled anew on each start (Node 22's module.enableCompileCache does not
 * exist in 20). A bundled script is one read and one compile, and with a code cache V8 skips parsing
 * and compiling the functions the build's training run used.
 *
 * The cache is only an accelerator: V8 refuses one made by another V8 version or with other flags
 * (`rejected`, then it compiles the script as usual), and the loader ignores one whose build id does
 * not match the script's first line (`// nianbao-<name> <build id>`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { constants as vmConstants, Script } from 'node:vm';

/** How a script was compiled. */
export type CodeCacheStatus = 'accepted' | 'rejected' | 'missing' | 'mismatched' | 'not-used';

export interface CachedScript<T> {
  exports: T;
  status: CodeCacheStatus;
  /**
   * The code cache of the script as compiled so far (with the build id in front), for the build to
   * write after a training run: functions that ran are in it, compiled.
   */
  createCodeCache(): Buffer;
}

/** The build id on the script's first line: `// nianbao-core 0b6e…`. */
function buildIdOf(source: string): string {
  const match = /^\/\/ nianbao-[\w-]+ (\S+)\n/.exec(source.slice(0, 200));
  return match?.[1] ?? '';
}

function readCache(cacheFile: string, id: string): { data?: Buffer; status: CodeCacheStatus } {
  let data: Buffer;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return { status: 'missing' };
  }
  const header = Buffer.from(`${id}\n`);
  if (id === '' || !data.subarray(0, header.length).equals(header)) return { status: 'mismatched' };
  return { data: data.subarray(header.length), status: 'accepted' };
}

type CommonJsWrapper = (
  exports: object,
  require: NodeJS.Require,
  module: object,
  filename: string,
  dirname: string,
) => void;

/**
 * Compiles and runs `file` (ASCII only: the build makes it so, and latin1 is then exact and cheaper than
 * UTF-8 decoding) as Node's own loader would run a CommonJS file, with `cacheFile` as its code cache.
 */
export function runCachedScript<T>(file: string, cacheFile: string): CachedScript<T> {
  const source = readFileSync(file, 'latin1');
  const buildId = buildIdOf(source);
  const cache = readCache(cacheFile, buildId);
  // The CommonJS wrapper, as Node applies it; the code cache covers exactly this text.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cache.data ? { cachedData: cache.data } : {}),
    // A script's import() resolves as in any module.
    ...(vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
      ? { importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER }
      : {}),
  });
  const status: CodeCacheStatus = cache.data && script.cachedDataRejected ? 'rejected' : cache.status;
  const wrapper = script.runInThisContext() as CommonJsWrapper;
  const module = { exports: {} as T };
  wrapper.call(module.exports, module.exports as object, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    status,
    createCodeCache: () => Buffer.concat([Buffer.from(`${buildId}\n`), script.createCachedData()]),
  };
}

/** NIANBAO_DEBUG set: scripts are loaded by `require`, so that Node maps stack traces to the sources. */
export function debugging(): boolean {
  const value = process.env.NIANBAO_DEBUG;
  return value !== undefined && value !== '' && value !== '0';
}

/**
 * What each loader keeps of its script: run once per thread, how it was compiled, and its code cache for
 * the build's training run. The loaders differ only in what they do under NIANBAO_DEBUG.
 */
export class CachedScriptSlot<T> {
  #script: CachedScript<T> | undefined;

  constructor(
    private readonly name: string,
    private readonly cacheFile: string,
  ) {}

  /** The script's exports, compiled and run with the code cache on the first call. */
  run(file: string): T {
    this.#script ??= runCachedScript<T>(file, this.cacheFile);
    return this.#script.exports;
  }

  status(): CodeCacheStatus {
    return this.#script?.status ?? 'not-used';
  }

  createCodeCache(): Buffer {
    if (!this.#script) throw new Error(`${this.name}: the script has not been compiled (NIANBAO_DEBUG set?)`);
    return this.#script.createCodeCache();
  }
}
