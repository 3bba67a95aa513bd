/**
 * Prefilters for the text checks. A rule set asks the same texts many questions (T-TEXT has a dozen
 * statedCount checks, each with its own expressions): one expression that matches wherever any of them
 * does is run once per text, and a text it does not match needs none of them.
 */
import type { Check, RuleSet } from '@nianbao/template';
import type { TextEntry } from './texts.js';

/**
 * A pattern without group names (`(?<n>…)` becomes `(?:…)`), so that several can be joined in one
 * expression; undefined when it refers back to a group, by name (`\k<n>`) or by number (`\1`: the groups
 * are numbered anew once names are dropped and patterns joined).
 */
function withoutGroupNames(pattern: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      if (/[k1-9]/.test(pattern[i + 1] ?? '')) return undefined;
      out += pattern.slice(i, i + 2);
      i++;
    } else if (inClass) {
      inClass = char !== ']';
      out += char;
    } else if (pattern.startsWith('(?<', i) && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') {
      const end = pattern.indexOf('>', i);
      out += '(?:';
      i = end;
    } else {
      inClass = char === '[';
      out += char;
    }
  }
  return out;
}

/**
 * One expression (u flag) matching wherever any of the patterns does; undefined when there is none or
 * they cannot be joined (then every text is a candidate).
 */
export function joinPatterns(patterns: readonly string[]): RegExp | undefined {
  const parts = patterns.map(withoutGroupNames);
  if (parts.length === 0 || !parts.every((part) => part !== undefined)) return undefined;
  try {
    return new RegExp(parts.map((part) => `(?:${part})`).join('|'), 'u');
  } catch {
    return undefined; // one of them does not compile: its check skips it, the prefilter is off
  }
}

const unions = new WeakMap<RuleSet, Map<Check['type'], RegExp | undefined>>();

/** One expression matching wherever any expression of the rule set's checks of a type matches (joinPatterns). */
export function unionOf<C extends Check>(
  ruleSet: RuleSet,
  type: C['type'],
  patternsOf: (check: C) => readonly string[],
): RegExp | undefined {
  let byType = unions.get(ruleSet);
  if (!byType) unions.set(ruleSet, (byType = new Map()));
  if (!byType.has(type)) {
    const checks = ruleSet.rules.flatMap((rule) => rule.checks).filter((check): check is C => check.type === type);
    byType.set(type, joinPatterns(checks.flatMap(patternsOf)));
  }
  return byType.get(type);
}

const candidateLists = new WeakMap<readonly TextEntry[], Map<RegExp, readonly TextEntry[]>>();

/**
 * The texts the union matches, once per list of texts and union: the lists live for one evaluation
 * (texts.ts), so this does too.
 */
export function candidates(found: readonly TextEntry[], union: RegExp | undefined): readonly TextEntry[] {
  if (!union) return found;
  let byUnion = candidateLists.get(found);
  if (!byUnion) candidateLists.set(found, (byUnion = new Map()));
  let list = byUnion.get(union);
  if (!list) byUnion.set(union, (list = found.filter((entry) => union.test(entry.text))));
  return list;
}
