/**
 * Loads dist/core.cjs (see ./core.ts): @nianbao/source, @nianbao/validator, @nianbao/template, yaml
 * and zod bundled into one script, compiled with the V8 code cache dist/core.cache made at build time.
 *
 * Why: on Node 20 `nianbao validate` spent more time loading these libraries than using them — about
 * 200 ES modules resolved, read and compiled one by one, with no compile cache (Node 22's
 * module.enableCompileCache does not exist in 20). One script is one read and one compile, and with
 * the code cache V8 skips parsing and compiling the functions the build's training run used.
 *
 * The cache is only an accelerator: V8 refuses one made by another V8 version or with other flags
 * (`rejected`, then it compiles the script as usual), and the loader ignores one whose build id does
 * not match the script's. With NIANBAO_DEBUG set, the script is loaded by `require` instead, so
 * that Node applies its source map to stack traces (it does not for vm scripts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as vmConstants, Script } from 'node:vm';
import type * as CoreModule from './core.js';

export type Core = typeof CoreModule;

/** How the last loadCore() of this thread compiled the script. */
export type CodeCacheStatus = 'accepted' | 'rejected' | 'missing' | 'mismatched' | 'not-used';

// Every output of the build sits in dist/ itself (no subfolders: scripts/build.mjs).
const CORE_FILE = fileURLToPath(new URL('./core.cjs', import.meta.url));
const CACHE_FILE = fileURLToPath(new URL('./core.cache', import.meta.url));
/** The first line of core.cjs: `// nianbao-core <build id>`; the cache file starts with `<build id>\n`. */
const ID_PREFIX = '// nianbao-core ';

let core: Core | undefined;
let script: Script | undefined;
let buildId = '';
let status: CodeCacheStatus = 'not-used';

const debugging = () => {
  const value = process.env.NIANBAO_DEBUG;
  return value !== undefined && value !== '' && value !== '0';
};

function readCache(id: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(CACHE_FILE);
  } catch {
    status = 'missing';
    return undefined;
  }
  const header = Buffer.from(`${id}\n`);
  if (id === '' || !data.subarray(0, header.length).equals(header)) {
    status = 'mismatched';
    return undefined;
  }
  return data.subarray(header.length);
}

/** The libraries, loaded once per thread (the main thread, or each worker of a batch build). */
export function loadCore(): Core {
  if (core) return core;
  const require = createRequire(CORE_FILE);
  if (debugging()) {
    process.setSourceMapsEnabled(true);
    core = require(CORE_FILE) as Core;
    status = 'not-used';
    return core;
  }
  // The build makes core.cjs ASCII only: latin1 is then exact, and cheaper than UTF-8 decoding.
  const source = readFileSync(CORE_FILE, 'latin1');
  const end = source.indexOf('\n');
  buildId = source.startsWith(ID_PREFIX) && end > 0 ? source.slice(ID_PREFIX.length, end).trim() : '';
  const cachedData = readCache(buildId);
  // The CommonJS wrapper, as Node's own loader would apply it; the code cache covers exactly this text.
  script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: CORE_FILE,
    ...(cachedData ? { cachedData } : {}),
    // The libraries have no import() today; if one comes, it resolves as in any module.
    ...(vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
      ? { importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER }
      : {}),
  });
  if (cachedData) status = script.cachedDataRejected ? 'rejected' : 'accepted';
  const wrapper = script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: object,
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} as Core };
  wrapper.call(module.exports, module.exports, require, module, CORE_FILE, dirname(CORE_FILE));
  core = module.exports;
  return core;
}

export function codeCacheStatus(): CodeCacheStatus {
  return status;
}

/**
 * The code cache of the script as compiled so far (with the build id in front), for the build to
 * write to dist/core.cache after a training run: functions that ran are in it, compiled.
 */
export function createCodeCache(): Buffer {
  if (!script) throw new Error('createCodeCache: loadCore() has not compiled the script (NIANBAO_DEBUG set?)');
  return Buffer.concat([Buffer.from(`${buildId}\n`), script.createCachedData()]);
}
