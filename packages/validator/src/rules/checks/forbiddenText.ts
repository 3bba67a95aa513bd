/**
 * forbiddenText: no text below the pointers contains a listed word or matches a listed expression; one
 * finding per word (or expression) and text. Injected spam disguises its words to slip past filters, so
 * a word is found in any letter case, in full-width forms (ｂｅｔ３６５) and with invisible format
 * characters between its characters (足\u200B球比分), and quoted as written.
 */
import type { ForbiddenTextCheck, LocalizedText } from '@nianbao/template';
import { clip } from '../../text.js';
import { NO_RAWS, type Evaluator, type Raw } from '../raw.js';
import { joinPatterns } from '../prefilter.js';
import { regex } from '../regex.js';
import { texts } from '../texts.js';

const escapeChar = (char: string): string => char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** The forms a character of a word is found in: itself, its other letter case, their full-width forms. */
function forms(char: string): string {
  const found = new Set([char, char.toLowerCase(), char.toUpperCase()].filter((form) => form.length === 1));
  for (const form of [...found]) {
    const code = form.charCodeAt(0);
    if (code >= 0x21 && code <= 0x7e) found.add(String.fromCharCode(code + 0xfee0));
    if (code >= 0xff01 && code <= 0xff5e) found.add(String.fromCharCode(code - 0xfee0));
  }
  if (found.size === 0) return escapeChar(char);
  return found.size === 1 ? escapeChar(char) : `[${[...found].map(escapeChar).join('')}]`;
}

/** A word as an expression: each character in any of its forms, invisible characters allowed between. */
export function wordPattern(word: string, between = '\\p{Cf}*'): string {
  return [...word.replace(INVISIBLE_ALL, '')].map(forms).join(between);
}

const INVISIBLE_ALL = /\p{Cf}/gu;

interface Expressions {
  /** Any word or expression of the check: most texts have none, and need no other search. */
  any: RegExp | undefined;
  words: { word: string; pattern: RegExp }[];
  /** The check's expressions that compile (one that does not is left out). */
  patterns: { pattern: string; compiled: RegExp; label: LocalizedText }[];
}

const compiledChecks = new WeakMap<ForbiddenTextCheck, Expressions>();
function expressionsOf(check: ForbiddenTextCheck): Expressions {
  let found = compiledChecks.get(check);
  if (!found) {
    // An empty word finds nothing.
    const kept = (check.words ?? []).filter((word) => word.replace(INVISIBLE_ALL, '') !== '');
    const words = kept.map((word) => ({ word, source: wordPattern(word) }));
    const patterns = (check.patterns ?? []).flatMap(({ pattern, label }) => {
      const compiled = regex(pattern);
      return compiled ? [{ pattern, compiled, label }] : [];
    });
    found = {
      any: joinPatterns([...words.map(({ source }) => source), ...patterns.map(({ pattern }) => pattern)]),
      words: words.map(({ word, source }) => ({ word, pattern: new RegExp(source, 'u') })),
      patterns,
    };
    compiledChecks.set(check, found);
  }
  return found;
}

export const forbiddenText: Evaluator<ForbiddenTextCheck> = (check, scope) => {
  const found = texts(check.at, scope);
  if (!found) return NO_RAWS;
  const { any, words, patterns } = expressionsOf(check);
  const raws: Raw[] = [];
  for (const { text, pointer } of found) {
    if (any && !any.test(text)) continue;
    for (const { word, pattern } of words) {
      const asWritten = pattern.exec(text)?.[0];
      if (asWritten !== undefined)
        raws.push({ pointer, actual: asWritten, vars: { word: asWritten, value: asWritten, label: word } });
    }
    for (const { compiled, label } of patterns) {
      const match = compiled.exec(text);
      if (!match) continue;
      raws.push({ pointer, actual: match[0], vars: { word: clip(match[0]), value: clip(match[0]), label } });
    }
  }
  return raws;
};
