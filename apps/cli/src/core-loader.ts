/**
 * Loads dist/core.cjs (see ./core.ts): @nianbao/source, @nianbao/validator, @nianbao/template, yaml
 * and zod bundled into one script, compiled with the V8 code cache dist/core.cache made at build time
 * (./cached-script.ts says why and how). With NIANBAO_DEBUG set, the script is loaded by `require`
 * instead, so that Node applies its source map to stack traces (it does not for vm scripts).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type CachedScript, type CodeCacheStatus, debugging, runCachedScript } from './cached-script.js';
import type * as CoreModule from './core.js';

export type Core = typeof CoreModule;
export type { CodeCacheStatus } from './cached-script.js';

// Every output of the build sits in dist/ itself (no subfolders: scripts/build.mjs).
const CORE_FILE = fileURLToPath(new URL('./core.cjs', import.meta.url));
const CACHE_FILE = fileURLToPath(new URL('./core.cache', import.meta.url));

let core: Core | undefined;
let script: CachedScript<Core> | undefined;

/** The libraries, loaded once per thread (the main thread, or each worker of a batch build). */
export function loadCore(): Core {
  if (core) return core;
  if (debugging()) {
    process.setSourceMapsEnabled(true);
    core = createRequire(CORE_FILE)(CORE_FILE) as Core;
    return core;
  }
  script = runCachedScript<Core>(CORE_FILE, CACHE_FILE);
  core = script.exports;
  return core;
}

/** How the last loadCore() of this thread compiled the script. */
export function codeCacheStatus(): CodeCacheStatus {
  return script?.status ?? 'not-used';
}

/** The code cache of core.cjs as compiled so far, for the build's training run (dist/core.cache). */
export function createCodeCache(): Buffer {
  if (!script) throw new Error('createCodeCache: loadCore() has not compiled the script (NIANBAO_DEBUG set?)');
  return script.createCodeCache();
}
