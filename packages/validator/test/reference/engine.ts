// The rule engine as it was before it was sped up (commit 6d8dacd), kept as the reference of engine-differential.test.ts: the fast engine must give exactly its findings.
/**
 * The generic rule engine: evaluates the declared rules (rules-<edition>.json, or a government's own
 * rule file) against a report. Nothing here knows a particular rule; every rule is data.
 *
 * Inputs that are missing or of the wrong type make a check silently skip (the structural check
 * reports them); an input that is null ("not reported" in an imported report) makes the check yield one
 * 'info' finding saying it cannot be assessed.
 */
import {
  parsePointer,
  type Check,
  type CompareOp,
  type Condition,
  type JsonSchema,
  type LocalizedText,
  type Rule,
  type RuleSet,
  type Term,
} from '@nianbao/template';
import type { Finding } from '../../src/types.js';
import { converterFor } from '../../src/zod-from-schema.js';
import { columnText, locationText, paragraphText, placeFields, placeOf, rowText } from '../../src/places.js';
import { both, clip } from '../../src/text.js';
import { ZERO, add, compareDecimals, fromDecimal, negate, toDecimal, type Decimal } from '../../src/rules/decimal.js';
import { isValidCreditCode } from '../../src/rules/uscc.js';

/** A report and the schema of its edition (undefined: unknown edition, no type information). */
export interface RuleDocument {
  value: unknown;
  root: JsonSchema | undefined;
  /**
   * The value passed the structural check of `root` without a finding, so every value fits the schema
   * of its place and the engine need not check each term's type again.
   */
  conforms?: boolean;
}

/** Placeholders every message may use; forEach variables of the same name do not override them. */
export const BUILT_IN_PLACEHOLDERS = [
  'expected',
  'actual',
  'location',
  'row',
  'column',
  'value',
  'word',
  'paragraph',
  'label',
] as const;
type Placeholder = (typeof BUILT_IN_PLACEHOLDERS)[number];
type PlaceholderValue = string | LocalizedText;

/** One combination of a rule's forEach values, with its resolved pointers remembered across documents. */
interface Binding {
  vars: Record<string, string>;
  base: string | undefined;
  refs: Map<string, Ref>;
  pointers: Map<string, string>;
}

interface Scope {
  rule: Rule;
  vars: Record<string, string>;
  base: string | undefined;
  binding: Binding;
  current: RuleDocument;
  previous: RuleDocument | undefined;
  memo: Memo;
}

/**
 * What several checks of one evaluation read alike (the text rules walk the same sections). Lives for
 * one evaluateRuleSets call only: the caller may change the document before validating it again.
 */
interface Memo {
  texts: Map<string, { pointer: string; text: string }[] | undefined>;
  folded: Map<string, ReturnType<typeof foldForMatching>>;
}

/** What a check found, before it becomes a Finding with labels and a message. */
interface Raw {
  pointer: string;
  expected?: number | string;
  actual?: unknown;
  vars: Partial<Record<Placeholder, PlaceholderValue>>;
  /** Not assessable: the null cells that made it so. */
  nulls?: { pointer: string; previous: boolean }[];
}

interface Ref {
  pointer: string;
  previous: boolean;
  negative: boolean;
}

type Reading =
  | { state: 'ok'; value: Decimal }
  | { state: 'null'; pointer: string; previous: boolean }
  | { state: 'missing' };

export function evaluateRuleSets(
  ruleSets: readonly RuleSet[],
  current: RuleDocument,
  previous?: RuleDocument,
): Finding[] {
  const findings: Finding[] = [];
  const memo: Memo = { texts: new Map(), folded: new Map() };
  for (const ruleSet of ruleSets)
    for (const rule of ruleSet.rules) findings.push(...evaluateRule(rule, current, previous, memo));
  return findings;
}

function evaluateRule(rule: Rule, current: RuleDocument, previous: RuleDocument | undefined, memo: Memo): Finding[] {
  if (rule.needsPrevious && !previous) return [];
  const findings: Finding[] = [];
  for (const binding of bindingsOf(rule)) {
    const scope: Scope = { rule, vars: binding.vars, base: binding.base, binding, current, previous, memo };
    const ruleCondition = evaluateConditions(rule.when, scope);
    if (!ruleCondition.holds) continue;
    for (const check of rule.checks) {
      const checkCondition = evaluateConditions(check.when, scope);
      if (!checkCondition.holds) continue;
      const conditionValue = checkCondition.value ?? ruleCondition.value;
      for (const raw of runCheck(check, scope)) findings.push(toFinding(raw, check, scope, conditionValue));
    }
  }
  return findings;
}

const compiled = new WeakMap<Rule, Binding[]>();
function bindingsOf(rule: Rule): Binding[] {
  let list = compiled.get(rule);
  if (!list) {
    list = bindings(rule.forEach).map((vars) => ({
      vars,
      base: rule.base === undefined ? undefined : substitute(rule.base, vars),
      refs: new Map(),
      pointers: new Map(),
    }));
    compiled.set(rule, list);
  }
  return list;
}

/** A pointer segment, with its array index when it is one (RFC 6901: 0 or digits without a leading 0). */
interface Step {
  key: string;
  index: number | undefined;
}

const stepCache = new Map<string, Step[]>();
/**
 * getAt (@nianbao/template) with the pointer parsed once (rules read the same pointers in every
 * document) and array indexes recognised once instead of at every read.
 */
function valueAt(document: unknown, pointer: string): unknown {
  let steps = stepCache.get(pointer);
  if (!steps) {
    steps = parsePointer(pointer).map((key) => ({
      key,
      index: /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : undefined,
    }));
    if (stepCache.size > 100_000) stepCache.clear();
    stepCache.set(pointer, steps);
  }
  let node: unknown = document;
  for (const step of steps) {
    if (Array.isArray(node)) {
      if (step.index === undefined) return undefined;
      node = node[step.index];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, step.key)) {
      node = (node as Record<string, unknown>)[step.key];
    } else {
      return undefined;
    }
  }
  return node;
}

/** Every combination of the forEach variables' values, the first variable outermost. */
function bindings(forEach: Record<string, string[]> | undefined): Record<string, string>[] {
  let result: Record<string, string>[] = [{}];
  for (const [name, values] of Object.entries(forEach ?? {})) {
    result = result.flatMap((binding) => values.map((value) => ({ ...binding, [name]: value })));
  }
  return result;
}

function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(/\{([^{}]+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? vars[name]! : whole));
}

function absolute(pointer: string, base: string | undefined): string {
  if (pointer.startsWith('/')) return pointer;
  if (pointer === '') return base ?? '';
  return `${base ?? ''}/${pointer}`;
}

function reference(term: string, scope: Scope): Ref {
  let ref = scope.binding.refs.get(term);
  if (!ref) {
    ref = parseReference(term, scope);
    scope.binding.refs.set(term, ref);
  }
  return ref;
}

function parseReference(term: string, scope: Scope): Ref {
  let text = substitute(term, scope.vars);
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  const previous = text.startsWith('prev:');
  if (previous) text = text.slice('prev:'.length);
  return { pointer: absolute(text, scope.base), previous, negative };
}

function at(pointer: string, scope: Scope): string {
  let resolved = scope.binding.pointers.get(pointer);
  if (resolved === undefined) {
    resolved = absolute(substitute(pointer, scope.vars), scope.base);
    scope.binding.pointers.set(pointer, resolved);
  }
  return resolved;
}

function documentOf(ref: Ref, scope: Scope): RuleDocument | undefined {
  return ref.previous ? scope.previous : scope.current;
}

/** Whether a value fits the schema of its place (a count that is 1.5 or "12" is of the wrong type). */
function fitsSchema(document: RuleDocument, pointer: string, value: unknown): boolean {
  if (!document.root || document.conforms) return true;
  const place = placeOf(document.root, pointer);
  if (!place.schema) return true;
  return converterFor(document.root).convert(place.schema).safeParse(value).success;
}

type RawReading =
  | { state: 'ok'; value: unknown }
  | { state: 'null'; pointer: string; previous: boolean }
  | { state: 'missing' };

/** The value of a term that fits its place, not yet converted to a Decimal (and not yet negated). */
function readRaw(ref: Ref, scope: Scope): RawReading {
  const document = documentOf(ref, scope);
  if (!document) return { state: 'missing' };
  const value = valueAt(document.value, ref.pointer);
  if (value === undefined) return { state: 'missing' };
  if (value === null) return { state: 'null', pointer: ref.pointer, previous: ref.previous };
  if (!fitsSchema(document, ref.pointer, value)) return { state: 'missing' };
  return { state: 'ok', value };
}

function readNumber(ref: Ref, scope: Scope): Reading {
  const reading = readRaw(ref, scope);
  if (reading.state !== 'ok') return reading;
  const decimal = toDecimal(reading.value);
  if (!decimal) return { state: 'missing' };
  return { state: 'ok', value: ref.negative ? negate(decimal) : decimal };
}

/** Σ of terms; 'missing' if any is unreadable, else the null cells (if any) and the sum. */
function sum(
  terms: readonly Term[],
  scope: Scope,
): { missing: true } | { missing: false; nulls: { pointer: string; previous: boolean }[]; total: Decimal } {
  // Counts are safe integers: add them as numbers while the partial sum stays exact (below 2^53), and
  // fall back to exact decimals for amounts and for sums beyond that.
  let small = 0;
  let big: Decimal | undefined;
  const nulls: { pointer: string; previous: boolean }[] = [];
  for (const term of terms) {
    let value: unknown;
    let negative = false;
    if (typeof term === 'number') value = term;
    else {
      const ref = reference(term, scope);
      const reading = readRaw(ref, scope);
      if (reading.state === 'missing') return { missing: true };
      if (reading.state === 'null') {
        nulls.push({ pointer: reading.pointer, previous: reading.previous });
        continue;
      }
      value = reading.value;
      negative = ref.negative;
    }
    if (typeof value === 'number' && Number.isSafeInteger(value)) {
      const next = negative ? small - value : small + value;
      if (Number.isSafeInteger(next)) {
        small = next;
        continue;
      }
    }
    const decimal = toDecimal(value);
    if (!decimal) return { missing: true };
    big = add(big ?? ZERO, negative ? negate(decimal) : decimal);
  }
  const exact: Decimal = { units: BigInt(small), scale: 0 };
  return { missing: false, nulls, total: big ? add(big, exact) : exact };
}

function holds(op: CompareOp, left: Decimal, right: Decimal): boolean {
  const order = compareDecimals(left, right);
  switch (op) {
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>=':
      return order >= 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '<':
      return order < 0;
  }
}

/** Conditions hold when all do; a comparison with an unreadable (missing or null) term does not. */
function evaluateConditions(
  conditions: readonly Condition[] | undefined,
  scope: Scope,
): { holds: boolean; value?: Decimal } {
  let value: Decimal | undefined;
  for (const condition of conditions ?? []) {
    if ('present' in condition || 'absent' in condition) {
      const ref = reference('present' in condition ? condition.present : condition.absent, scope);
      const document = documentOf(ref, scope);
      const exists = document !== undefined && valueAt(document.value, ref.pointer) !== undefined;
      if (exists !== 'present' in condition) return { holds: false };
      continue;
    }
    const left = sum(condition.left, scope);
    const right = sum(condition.right, scope);
    if (left.missing || right.missing || left.nulls.length > 0 || right.nulls.length > 0) return { holds: false };
    if (!holds(condition.op, left.total, right.total)) return { holds: false };
    value = left.total;
  }
  return value === undefined ? { holds: true } : { holds: true, value };
}

const regexCache = new Map<string, Map<string, RegExp | null>>();
/** A compiled regular expression (u flag, plus `flags`), or undefined when it does not compile. */
function regex(pattern: string, flags = ''): RegExp | undefined {
  let byPattern = regexCache.get(flags);
  if (!byPattern) regexCache.set(flags, (byPattern = new Map()));
  let compiled = byPattern.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(pattern, `u${flags}`);
    } catch {
      compiled = null;
    }
    byPattern.set(pattern, compiled);
  }
  if (!compiled) return undefined;
  compiled.lastIndex = 0;
  return compiled;
}

const escapeKey = (key: string): string =>
  key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;

/** Every string below the pointers, with its pointer, in document order; absent pointers are skipped. */
function texts(pointers: readonly string[], scope: Scope): { pointer: string; text: string }[] | undefined {
  const absolutePointers = pointers.map((pointer) => at(pointer, scope));
  const key = absolutePointers.join('\u0000');
  if (scope.memo.texts.has(key)) return scope.memo.texts.get(key);
  const found = collectTexts(absolutePointers, scope);
  scope.memo.texts.set(key, found);
  return found;
}

function collectTexts(
  absolutePointers: readonly string[],
  scope: Scope,
): { pointer: string; text: string }[] | undefined {
  const found: { pointer: string; text: string }[] = [];
  // Only pointers that overlap ('/sections' and '/sections/overview') can reach a text twice.
  const overlapping = absolutePointers.some((a, i) =>
    absolutePointers.some((b, j) => i !== j && (a === b || a === '' || b.startsWith(`${a}/`))),
  );
  const seen = overlapping ? new Set<string>() : undefined;
  let anyExists = false;
  // The keys below the current start pointer: a pointer string is built only for a text found, not
  // for every object on the way (the tables are large and hold no text).
  const path: string[] = [];
  let start = '';
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      const pointer = path.length === 0 ? start : `${start}/${path.join('/')}`;
      if (seen) {
        if (seen.has(pointer)) return;
        seen.add(pointer);
      }
      found.push({ pointer, text: value });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(String(i));
        walk(value[i]);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const item = (value as Record<string, unknown>)[key];
        if (typeof item !== 'string' && (item === null || typeof item !== 'object')) continue;
        path.push(escapeKey(key));
        walk(item);
        path.pop();
      }
    }
  };
  for (const absolutePointer of absolutePointers) {
    const value = valueAt(scope.current.value, absolutePointer);
    if (value === undefined) continue;
    anyExists = true;
    start = absolutePointer;
    walk(value);
  }
  return anyExists ? found : undefined;
}

/** Case-insensitive for Latin letters only (other scripts have no case that matters here). */
const foldLatin = (text: string): string =>
  /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (letter) => letter.toLowerCase()) : text;

/** Invisible format characters (zero-width space and joiners, U+FEFF, soft hyphen, bidi marks) and full-width ASCII. */
const DISGUISE = /[\p{Cf}\uFF01-\uFF5E]/u;
const INVISIBLE = /\p{Cf}/u;
const INVISIBLE_ALL = /\p{Cf}/gu;

/** Full-width ASCII forms (U+FF01–FF5E) as ASCII; other characters as they are. */
function asciiForms(text: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xff01 || code > 0xff5e) continue;
    out += text.slice(run, i) + String.fromCharCode(code - 0xfee0);
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}

/**
 * Text as a word list is matched against it: Latin letters case-insensitive, full-width forms as ASCII
 * (ｂｅｔ３６５) and invisible format characters skipped (足\u200B球比分), because injected spam uses both to
 * slip past filters. `span(index, length)` gives the matched stretch as written.
 */
function foldForMatching(text: string): { folded: string; span: (index: number, length: number) => string } {
  if (!DISGUISE.test(text))
    return { folded: foldLatin(text), span: (index, length) => text.slice(index, index + length) };
  // Chinese text nearly always has full-width punctuation (，：（）), so this is the common path: fold
  // with two replaces, and map folded offsets back to the text only for a match (rare).
  const folded = foldLatin(asciiForms(INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text));
  return { folded, span: (index, length) => spanOf(text, index, length) };
}

/** The stretch of `text` whose folded form is folded[index, index + length). */
function spanOf(text: string, index: number, length: number): string {
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    if (!INVISIBLE.test(char)) {
      // A folded character is one UTF-16 unit per unit of the original (astral characters stay two).
      for (let k = 0; k < char.length; k++) {
        starts.push(offset);
        ends.push(offset + char.length);
      }
    }
    offset += char.length;
  }
  return text.slice(starts[index], ends[index + length - 1]);
}

const needleCache = new WeakMap<readonly string[], { needles: string[]; any: RegExp }>();
/**
 * A word list folded for matching, and one regular expression that matches where any of the words
 * occurs; once per list (rule sets are reused across documents).
 */
function needlesOf(words: readonly string[]): { needles: string[]; any: RegExp } {
  let cached = needleCache.get(words);
  if (!cached) {
    const needles = words.map((word) => foldForMatching(word).folded);
    const alternatives = needles
      .filter((needle) => needle !== '')
      .map((needle) => needle.replace(/[\^$\\.*+?()[\]{}|/]/g, '\\$&'));
    // (?!) never matches: a list of empty words finds nothing, as indexOf('') is skipped below.
    cached = { needles, any: new RegExp(alternatives.length > 0 ? alternatives.join('|') : '(?!)', 'u') };
    needleCache.set(words, cached);
  }
  return cached;
}

/** Every match of a global regular expression, as String.prototype.matchAll gives them but without cloning the expression for each text. */
function allMatches(compiled: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  compiled.lastIndex = 0;
  for (let match = compiled.exec(text); match !== null; match = compiled.exec(text)) {
    matches.push(match);
    // An empty match: step over one code point (the expressions have the u flag), as matchAll does.
    if (match[0] === '') compiled.lastIndex += (text.codePointAt(compiled.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return matches;
}

/** Text without spaces, punctuation and symbols: what counts as meaningful characters. */
const meaningful = (text: string): string => text.replace(/[\s\p{P}\p{S}]/gu, '');
const MEANINGFUL_CHAR = /[^\s\p{P}\p{S}]/gu;

const placeholderLengths = new WeakMap<readonly string[], number>();
/**
 * Whether texts have at least `minChars` meaningful characters and more than any placeholder has, so
 * they cannot be empty or a placeholder: counts only up to that many characters instead of reducing a
 * whole section to its meaningful text (section 五 runs to thousands of characters).
 */
function clearlySubstantive(
  found: readonly { text: string }[],
  minChars: number,
  placeholders: readonly string[],
): boolean {
  let longest = placeholderLengths.get(placeholders);
  if (longest === undefined) {
    longest = Math.max(0, ...placeholders.map((text) => [...meaningful(text)].length));
    placeholderLengths.set(placeholders, longest);
  }
  const needed = Math.max(minChars, longest + 1);
  let count = 0;
  for (const { text } of found) {
    MEANINGFUL_CHAR.lastIndex = 0;
    while (count < needed && MEANINGFUL_CHAR.exec(text) !== null) count++;
    if (count >= needed) return true;
  }
  return false;
}

const notAssessable = (pointer: string, nulls: { pointer: string; previous: boolean }[]): Raw => ({
  pointer,
  vars: {},
  nulls,
});

function firstPointer(terms: readonly Term[], scope: Scope): string | undefined {
  for (const term of terms) {
    if (typeof term !== 'string') continue;
    const ref = reference(term, scope);
    if (!ref.previous) return ref.pointer;
  }
  return undefined;
}

function runCheck(check: Check, scope: Scope): Raw[] {
  const current = scope.current;
  switch (check.type) {
    case 'notNull': {
      const raws: Raw[] = [];
      // Tables have hundreds of cells and rarely a null: build a cell's pointer only when it is null.
      const walk = (value: unknown, pointer: string) => {
        if (value === null) raws.push({ pointer, actual: null, vars: { value: 'null' } });
        else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${pointer}/${i}`));
        else if (typeof value === 'object' && value !== undefined) {
          for (const key in value) {
            if (!Object.hasOwn(value, key)) continue;
            const item = (value as Record<string, unknown>)[key];
            if (item === null || typeof item === 'object') walk(item, `${pointer}/${escapeKey(key)}`);
          }
        }
      };
      for (const pointer of check.at) {
        const absolutePointer = at(pointer, scope);
        walk(valueAt(current.value, absolutePointer), absolutePointer);
      }
      return raws;
    }
    case 'compare': {
      const left = sum(check.left, scope);
      const right = sum(check.right, scope);
      if (left.missing || right.missing) return [];
      const pointer =
        check.at !== undefined
          ? at(check.at, scope)
          : (firstPointer(check.left, scope) ?? firstPointer(check.right, scope) ?? scope.base ?? '');
      const nulls = [...left.nulls, ...right.nulls];
      if (nulls.length > 0) return [notAssessable(nulls.find((cell) => !cell.previous)?.pointer ?? pointer, nulls)];
      if (holds(check.op, left.total, right.total)) return [];
      const actual = fromDecimal(left.total);
      const expected =
        check.op === '==' ? fromDecimal(right.total) : `${OP_TEXT[check.op]} ${fromDecimal(right.total)}`;
      return [
        {
          pointer,
          expected,
          actual,
          vars: { expected: String(expected), actual: String(actual), value: String(actual) },
        },
      ];
    }
    case 'range': {
      const pointer = at(check.at, scope);
      const reading = readNumber({ pointer, previous: false, negative: false }, scope);
      if (reading.state === 'missing') return [];
      if (reading.state === 'null') return [notAssessable(pointer, [reading])];
      const tooSmall = check.min !== undefined && compareDecimals(reading.value, toDecimal(check.min) ?? ZERO) < 0;
      const tooBig = check.max !== undefined && compareDecimals(reading.value, toDecimal(check.max) ?? ZERO) > 0;
      if (!tooSmall && !tooBig) return [];
      const expected =
        check.min !== undefined && check.max !== undefined
          ? `${check.min}–${check.max}`
          : check.min !== undefined
            ? `≥ ${check.min}`
            : `≤ ${check.max}`;
      const actual = valueAt(current.value, pointer);
      return [{ pointer, expected, actual, vars: { expected, actual: String(actual), value: String(actual) } }];
    }
    case 'pattern':
    case 'unifiedSocialCreditCode': {
      const pointer = at(check.at, scope);
      const value = valueAt(current.value, pointer);
      if (value === null) return [notAssessable(pointer, [{ pointer, previous: false }])];
      if (typeof value !== 'string') return [];
      if (check.type === 'pattern') {
        const compiled = regex(check.pattern);
        if (!compiled || compiled.test(value)) return [];
        return [
          { pointer, expected: check.pattern, actual: value, vars: { expected: check.pattern, actual: value, value } },
        ];
      }
      if (isValidCreditCode(value)) return [];
      return [{ pointer, actual: value, vars: { actual: value, value } }];
    }
    case 'periodCoversYear': {
      const pointer = at(check.at, scope);
      const yearPointer = at(check.year, scope);
      const period = valueAt(current.value, pointer);
      const year = valueAt(current.value, yearPointer);
      const nulls = [
        ...(period === null ? [{ pointer, previous: false }] : []),
        ...(year === null ? [{ pointer: yearPointer, previous: false }] : []),
      ];
      if (nulls.length > 0) return [notAssessable(pointer, nulls)];
      if (typeof year !== 'number' || !Number.isInteger(year) || typeof period !== 'object' || period === null)
        return [];
      const { start, end } = period as { start?: unknown; end?: unknown };
      if (typeof start !== 'string' || typeof end !== 'string') return [];
      const yyyy = String(year).padStart(4, '0');
      const first = `${yyyy}-01-01`;
      const last = `${yyyy}-12-31`;
      if (start === first && end === last) return [];
      return [
        {
          pointer,
          expected: `${first}/${last}`,
          actual: { start, end },
          vars: {
            expected: both(`${first}至${last}`, `${first} to ${last}`),
            actual: both(`${start}至${end}`, `${start} to ${end}`),
            value: `${start}/${end}`,
          },
        },
      ];
    }
    case 'deadline': {
      const pointer = at(check.at, scope);
      const yearPointer = at(check.year, scope);
      const date = valueAt(current.value, pointer);
      const year = valueAt(current.value, yearPointer);
      if (date === undefined || year === undefined) return [];
      if (date === null || year === null)
        return [notAssessable(pointer, [{ pointer: date === null ? pointer : yearPointer, previous: false }])];
      if (typeof date !== 'string' || typeof year !== 'number' || !Number.isInteger(year)) return [];
      const applicable = check.cases.find((candidate) =>
        Object.entries(candidate.match).every(([matchPointer, values]) => {
          const value = valueAt(current.value, at(matchPointer, scope));
          return typeof value === 'string' && values.includes(value);
        }),
      );
      if (!applicable) return [];
      const deadline = `${String(year + 1).padStart(4, '0')}-${applicable.monthDay}`;
      if (date <= deadline) return [];
      return [
        {
          pointer,
          expected: deadline,
          actual: date,
          vars: { expected: deadline, actual: date, value: date, label: applicable.label },
        },
      ];
    }
    case 'mentions': {
      const found = texts(check.at, scope);
      if (!found) return [];
      const words = check.anyOf.map(foldLatin);
      const mentioned = found.some(({ text }) => {
        const folded = foldLatin(text);
        return words.some((word) => folded.includes(word));
      });
      if (mentioned) return [];
      const pointer = check.at
        .map((pointer) => at(pointer, scope))
        .find((pointer) => valueAt(current.value, pointer) !== undefined)!;
      return [{ pointer, vars: { word: both(check.anyOf.join('、'), check.anyOf.join(', ')) } }];
    }
    case 'substantive': {
      const found = texts(check.at, scope);
      if (!found) return [];
      if (clearlySubstantive(found, check.minChars, check.placeholders)) return [];
      const joined = found
        .map(({ text }) => text.trim())
        .filter(Boolean)
        .join(' ');
      const essence = meaningful(joined);
      const placeholder = check.placeholders.some((text) => meaningful(text) === essence);
      if ([...essence].length >= check.minChars && !placeholder) return [];
      const pointer = check.at
        .map((pointer) => at(pointer, scope))
        .find((pointer) => valueAt(current.value, pointer) !== undefined)!;
      return [{ pointer, actual: joined, vars: { actual: clip(joined), value: clip(joined) } }];
    }
    case 'statedCount': {
      const found = texts(check.at, scope);
      if (!found) return [];
      const total = sum(check.equals, scope);
      if (total.missing) return [];
      const raws: Raw[] = [];
      const seen = new Set<string>();
      for (const { pointer, text } of found) {
        for (const pattern of check.patterns) {
          const compiled = regex(pattern, 'gd');
          if (!compiled) continue;
          for (const match of allMatches(compiled, text)) {
            const stated = match.groups?.n;
            const start = match.indices?.groups?.n?.[0];
            if (stated === undefined || !/^\d+$/.test(stated)) continue;
            // Two patterns often match the same statement; count each stated number once.
            const key = `${pointer}#${start}`;
            if (seen.has(key)) continue;
            seen.add(key);
            if (total.nulls.length > 0) {
              raws.push(notAssessable(pointer, total.nulls));
              return raws;
            }
            const expected = fromDecimal(total.total);
            if (compareDecimals({ units: BigInt(stated), scale: 0 }, total.total) === 0) continue;
            const actual = Number(stated);
            raws.push({
              pointer,
              expected,
              actual,
              vars: { expected: String(expected), actual: stated, value: match[0], word: match[0] },
            });
          }
        }
      }
      return raws;
    }
    case 'forbiddenText': {
      const found = texts(check.at, scope);
      if (!found) return [];
      const raws: Raw[] = [];
      const words = check.words ?? [];
      const { needles, any } = needlesOf(words);
      for (const { pointer, text } of found) {
        let matching = scope.memo.folded.get(text);
        if (!matching) scope.memo.folded.set(text, (matching = foldForMatching(text)));
        const { folded, span } = matching;
        // One pass finds whether any word occurs (rarely); only then look for each word.
        if (any.test(folded)) {
          for (let w = 0; w < words.length; w++) {
            const word = words[w]!;
            const needle = needles[w]!;
            const index = needle === '' ? -1 : folded.indexOf(needle);
            if (index < 0) continue;
            const asWritten = span(index, needle.length);
            raws.push({ pointer, actual: asWritten, vars: { word: asWritten, value: asWritten, label: word } });
          }
        }
        for (const { pattern, label } of check.patterns ?? []) {
          const match = regex(pattern)?.exec(text);
          if (!match) continue;
          raws.push({ pointer, actual: match[0], vars: { word: clip(match[0]), value: clip(match[0]), label } });
        }
      }
      return raws;
    }
  }
}

const OP_TEXT: Record<CompareOp, string> = { '==': '=', '!=': '≠', '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

function toFinding(raw: Raw, check: Check, scope: Scope, conditionValue: Decimal | undefined): Finding {
  const { rule, current } = scope;
  const place = placeOf(current.root, raw.pointer);
  const head = { ruleId: rule.id, severity: rule.severity, pointer: raw.pointer, ...placeFields(place) };
  if (raw.nulls) {
    const cells = raw.nulls.map(({ pointer, previous }) => {
      const document = previous ? scope.previous : current;
      const location = locationText(placeOf(document?.root, pointer));
      return previous ? both(`上一年度报告的${location}`, `last year's ${location}`) : both(location, location);
    });
    return {
      ...head,
      severity: 'info',
      message: both(
        `无法判断“${rule.title.zh}”：${cells.map((cell) => cell.zh).join('、')}未填报。`,
        `Cannot assess "${rule.title.en}": ${cells.map((cell) => cell.en).join(', ')} ${cells.length > 1 ? 'were' : 'was'} not reported.`,
      ),
      notAssessable: true,
    };
  }
  const condition = conditionValue === undefined ? undefined : String(fromDecimal(conditionValue));
  const values: Record<string, PlaceholderValue> = {};
  // forEach variables first, so that the built-in placeholders of the same name win.
  for (const [name, value] of Object.entries(scope.vars)) values[name] = value;
  Object.assign(values, {
    location: locationText(place),
    row: rowText(place),
    column: columnText(place),
    paragraph: paragraphText(place),
    expected: raw.vars.expected ?? condition ?? '',
    actual: raw.vars.actual ?? '',
    value: raw.vars.value ?? condition ?? '',
    word: raw.vars.word ?? '',
    label: raw.vars.label ?? '',
  } satisfies Record<Placeholder, PlaceholderValue>);
  const template = check.message ?? rule.message;
  return {
    ...head,
    ...(raw.expected === undefined ? {} : { expected: raw.expected }),
    ...(raw.actual === undefined ? {} : { actual: raw.actual }),
    message: { zh: fill(template.zh, values, 'zh'), en: fill(template.en, values, 'en') },
  };
}

function fill(template: string, values: Record<string, PlaceholderValue>, language: 'zh' | 'en'): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) return whole;
    const value = values[name]!;
    return typeof value === 'string' ? value : value[language];
  });
}
