/** Regular expressions of rule files, compiled once (u flag plus `flags`); undefined when one does not compile. */
const caches = new Map<string, Map<string, RegExp | null>>();

export function regex(pattern: string, flags = ''): RegExp | undefined {
  let cache = caches.get(flags);
  if (!cache) caches.set(flags, (cache = new Map()));
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(pattern, `u${flags}`);
    } catch {
      compiled = null;
    }
    // Rule files are few, but a server may be handed many: keep the cache bounded.
    if (cache.size > 10_000) cache.clear();
    cache.set(pattern, compiled);
  }
  if (!compiled) return undefined;
  compiled.lastIndex = 0;
  return compiled;
}
