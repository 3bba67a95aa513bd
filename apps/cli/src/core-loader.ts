/**
 * Loads dist/core.cjs (see ./core.ts): @nianbao/source, @nianbao/validator, @nianbao/template, yaml
 * and zod bundled into one script, compiled with the V8 code cache dist/core.cache made at build time
 * (./cached-script.ts says why and how). With NIANBAO_DEBUG set, the script is loaded by `require`
 * instead, so that Node applies its source map to stack traces (it does not for vm scripts).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CachedScriptSlot, type CodeCacheStatus, debugging } from './cached-script.js';
import type * as CoreModule from './core.js';

export type Core = typeof CoreModule;
export type { CodeCacheStatus } from './cached-script.js';

// Every output of the build sits in dist/ itself (no subfolders: scripts/build.mjs).
const CORE_FILE = fileURLToPath(new URL('./core.cjs', import.meta.url));
const CACHE_FILE = fileURLToPath(new URL('./core.cache', import.meta.url));

let core: Core | undefined;
const slot = new CachedScriptSlot<Core>('core.cjs', CACHE_FILE);

/** The libraries, loaded once per thread (the main thread, or each worker of a batch build). */
export function loadCore(): Core {
  if (core) return core;
  if (debugging()) {
    process.setSourceMapsEnabled(true);
    core = createRequire(CORE_FILE)(CORE_FILE) as Core;
    return core;
  }
  core = slot.run(CORE_FILE);
  return core;
}

/** How the last loadCore() of this thread compiled the script. */
export function codeCacheStatus(): CodeCacheStatus {
  return slot.status();
}

/** The code cache of core.cjs as compiled so far, for the build's training run (dist/core.cache). */
export function createCodeCache(): Buffer {
  return slot.createCodeCache();
}
