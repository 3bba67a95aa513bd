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

/**
 * Every match of a global expression in a text, from its start: `text.matchAll` would do, but it makes
 * a copy of the expression on each call, which costs more than the search when a text has few matches.
 */
export function allMatches(expression: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  expression.lastIndex = 0;
  for (let match = expression.exec(text); match !== null; match = expression.exec(text)) {
    matches.push(match);
    // An empty match: step over one character (the expressions have the u flag), as matchAll does.
    if (match[0] === '') expression.lastIndex += (text.codePointAt(expression.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return matches;
}
