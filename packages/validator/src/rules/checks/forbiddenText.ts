/**
 * forbiddenText: no text below the pointers contains a listed word or matches a listed expression; one
 * finding per word (or expression) and text. Injected spam disguises its words to slip past filters, so
 * a word is found in any letter case, in full-width forms (ｂｅｔ３６５) and with invisible format
 * characters between its characters (足\u200B球比分), and quoted as written.
 */
import type { ForbiddenTextCheck } from '@nianbao/template';
import { clip } from '../../text.js';
import { NO_RAWS, type Evaluator, type Raw } from '../raw.js';
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

interface WordList {
  /** Any word of the list: most texts have none. */
  any: RegExp | undefined;
  words: { word: string; pattern: RegExp }[];
}

const wordLists = new WeakMap<readonly string[], WordList>();
function wordListOf(words: readonly string[]): WordList {
  let list = wordLists.get(words);
  if (!list) {
    // An empty word finds nothing.
    const kept = words.filter((word) => word.replace(INVISIBLE_ALL, '') !== '');
    const patterns = kept.map((word) => ({ word, source: wordPattern(word) }));
    list = {
      any: kept.length === 0 ? undefined : new RegExp(patterns.map(({ source }) => source).join('|'), 'u'),
      words: patterns.map(({ word, source }) => ({ word, pattern: new RegExp(source, 'u') })),
    };
    wordLists.set(words, list);
  }
  return list;
}

const NO_WORDS: readonly string[] = [];

export const forbiddenText: Evaluator<ForbiddenTextCheck> = (check, scope) => {
  const found = texts(check.at, scope);
  if (!found) return NO_RAWS;
  const list = wordListOf(check.words ?? NO_WORDS);
  // Compiled (or found in the cache) once per check, not once per text; one that does not compile is left out.
  const expressions = (check.patterns ?? []).flatMap(({ pattern, label }) => {
    const compiled = regex(pattern);
    return compiled ? [{ compiled, label }] : [];
  });
  const raws: Raw[] = [];
  for (const { text, pointer } of found) {
    if (list.any?.test(text)) {
      for (const { word, pattern } of list.words) {
        const asWritten = pattern.exec(text)?.[0];
        if (asWritten !== undefined)
          raws.push({ pointer, actual: asWritten, vars: { word: asWritten, value: asWritten, label: word } });
      }
    }
    for (const { compiled, label } of expressions) {
      const match = compiled.exec(text);
      if (!match) continue;
      raws.push({ pointer, actual: match[0], vars: { word: clip(match[0]), value: clip(match[0]), label } });
    }
  }
  return raws;
};
