/**
 * The generic rule engine: evaluates the declared rules (rules-<edition>.json, or a government's own
 * rule file) against a report. Nothing here knows a particular rule; every rule is data.
 *
 * Inputs that are missing or of the wrong type make a check silently skip (the structural check
 * reports them); an input that is null ("not reported" in an imported report) makes the check yield one
 * 'info' finding saying it cannot be assessed.
 */
import {
  getAt,
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
import type { Finding } from '../types.js';
import { converterFor } from '../zod-from-schema.js';
import { columnText, locationText, paragraphText, placeFields, placeOf, rowText } from '../places.js';
import { both, clip } from '../text.js';
import { ZERO, add, compareDecimals, fromDecimal, negate, toDecimal, type Decimal } from './decimal.js';
import { isValidCreditCode } from './uscc.js';

/** A report and the schema of its edition (undefined: unknown edition, no type information). */
export interface RuleDocument {
  value: unknown;
  root: JsonSchema | undefined;
}

/** Placeholders every message may use; forEach variables of the same name do not override them. */
export const BUILT_IN_PLACEHOLDERS = ['expected', 'actual', 'location', 'row', 'column', 'value', 'word', 'paragraph', 'label'] as const;
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

type Reading = { state: 'ok'; value: Decimal } | { state: 'null'; pointer: string; previous: boolean } | { state: 'missing' };

export function evaluateRuleSets(ruleSets: readonly RuleSet[], current: RuleDocument, previous?: RuleDocument): Finding[] {
  const findings: Finding[] = [];
  for (const ruleSet of ruleSets) for (const rule of ruleSet.rules) findings.push(...evaluateRule(rule, current, previous));
  return findings;
}

function evaluateRule(rule: Rule, current: RuleDocument, previous: RuleDocument | undefined): Finding[] {
  if (rule.needsPrevious && !previous) return [];
  const findings: Finding[] = [];
  for (const binding of bindingsOf(rule)) {
    const scope: Scope = { rule, vars: binding.vars, base: binding.base, binding, current, previous };
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

const segmentCache = new Map<string, string[]>();
/** getAt with the pointer's segments parsed once (rules read the same pointers in every document). */
function valueAt(document: unknown, pointer: string): unknown {
  let segments = segmentCache.get(pointer);
  if (!segments) {
    segments = parsePointer(pointer);
    if (segmentCache.size > 100_000) segmentCache.clear();
    segmentCache.set(pointer, segments);
  }
  return getAt(document, segments);
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
  if (!document.root) return true;
  const place = placeOf(document.root, pointer);
  if (!place.schema) return true;
  return converterFor(document.root).convert(place.schema).safeParse(value).success;
}

function readNumber(ref: Ref, scope: Scope): Reading {
  const document = documentOf(ref, scope);
  if (!document) return { state: 'missing' };
  const value = valueAt(document.value, ref.pointer);
  if (value === undefined) return { state: 'missing' };
  if (value === null) return { state: 'null', pointer: ref.pointer, previous: ref.previous };
  if (!fitsSchema(document, ref.pointer, value)) return { state: 'missing' };
  const decimal = toDecimal(value);
  if (!decimal) return { state: 'missing' };
  return { state: 'ok', value: ref.negative ? negate(decimal) : decimal };
}

/** Σ of terms; 'missing' if any is unreadable, else the null cells (if any) and the sum. */
function sum(terms: readonly Term[], scope: Scope): { missing: true } | { missing: false; nulls: { pointer: string; previous: boolean }[]; total: Decimal } {
  let total = ZERO;
  const nulls: { pointer: string; previous: boolean }[] = [];
  for (const term of terms) {
    if (typeof term === 'number') {
      const decimal = toDecimal(term);
      if (!decimal) return { missing: true };
      total = add(total, decimal);
      continue;
    }
    const reading = readNumber(reference(term, scope), scope);
    if (reading.state === 'missing') return { missing: true };
    if (reading.state === 'null') nulls.push({ pointer: reading.pointer, previous: reading.previous });
    else total = add(total, reading.value);
  }
  return { missing: false, nulls, total };
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
function evaluateConditions(conditions: readonly Condition[] | undefined, scope: Scope): { holds: boolean; value?: Decimal } {
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

const regexCache = new Map<string, RegExp | null>();
/** A compiled regular expression (u flag, plus `flags`), or undefined when it does not compile. */
function regex(pattern: string, flags = ''): RegExp | undefined {
  const key = `${flags}/${pattern}`;
  let compiled = regexCache.get(key);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(pattern, 'u' + flags);
    } catch {
      compiled = null;
    }
    regexCache.set(key, compiled);
  }
  if (!compiled) return undefined;
  compiled.lastIndex = 0;
  return compiled;
}

/** Every string below the pointers, with its pointer, in document order; absent pointers are skipped. */
function texts(pointers: readonly string[], scope: Scope): { pointer: string; text: string }[] | undefined {
  const found: { pointer: string; text: string }[] = [];
  const seen = new Set<string>();
  let anyExists = false;
  const walk = (value: unknown, pointer: string) => {
    if (typeof value === 'string') {
      if (!seen.has(pointer)) found.push({ pointer, text: value });
      seen.add(pointer);
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${pointer}/${i}`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  for (const pointer of pointers) {
    const absolutePointer = at(pointer, scope);
    const value = valueAt(scope.current.value, absolutePointer);
    if (value === undefined) continue;
    anyExists = true;
    walk(value, absolutePointer);
  }
  return anyExists ? found : undefined;
}

/** Case-insensitive for Latin letters only (other scripts have no case that matters here). */
const foldLatin = (text: string): string => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/** Invisible format characters (zero-width space and joiners, U+FEFF, soft hyphen, bidi marks) and full-width ASCII. */
const DISGUISE = /[\p{Cf}\uFF01-\uFF5E]/u;
const INVISIBLE = /\p{Cf}/u;

/**
 * Text as a word list is matched against it: Latin letters case-insensitive, full-width forms as ASCII
 * (ｂｅｔ３６５) and invisible format characters skipped (足\u200B球比分), because injected spam uses both to
 * slip past filters. `span(index, length)` gives the matched stretch as written.
 */
function foldForMatching(text: string): { folded: string; span: (index: number, length: number) => string } {
  if (!DISGUISE.test(text)) return { folded: foldLatin(text), span: (index, length) => text.slice(index, index + length) };
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (!INVISIBLE.test(char)) {
      const plain = foldLatin(code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : char);
      for (let k = 0; k < plain.length; k++) {
        folded += plain[k];
        starts.push(offset);
        ends.push(offset + char.length);
      }
    }
    offset += char.length;
  }
  return { folded, span: (index, length) => text.slice(starts[index], ends[index + length - 1]) };
}

/** Text without spaces, punctuation and symbols: what counts as meaningful characters. */
const meaningful = (text: string): string => text.replace(/[\s\p{P}\p{S}]/gu, '');

const notAssessable = (pointer: string, nulls: { pointer: string; previous: boolean }[]): Raw => ({ pointer, vars: {}, nulls });

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
      const walk = (value: unknown, pointer: string) => {
        if (value === null) raws.push({ pointer, actual: null, vars: { value: 'null' } });
        else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${pointer}/${i}`));
        else if (typeof value === 'object' && value !== undefined) {
          for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
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
        check.at !== undefined ? at(check.at, scope) : (firstPointer(check.left, scope) ?? firstPointer(check.right, scope) ?? scope.base ?? '');
      const nulls = [...left.nulls, ...right.nulls];
      if (nulls.length > 0) return [notAssessable(nulls.find((cell) => !cell.previous)?.pointer ?? pointer, nulls)];
      if (holds(check.op, left.total, right.total)) return [];
      const actual = fromDecimal(left.total);
      const expected = check.op === '==' ? fromDecimal(right.total) : `${OP_TEXT[check.op]} ${fromDecimal(right.total)}`;
      return [{ pointer, expected, actual, vars: { expected: String(expected), actual: String(actual), value: String(actual) } }];
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
        check.min !== undefined && check.max !== undefined ? `${check.min}–${check.max}` : check.min !== undefined ? `≥ ${check.min}` : `≤ ${check.max}`;
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
        return [{ pointer, expected: check.pattern, actual: value, vars: { expected: check.pattern, actual: value, value } }];
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
      if (typeof year !== 'number' || !Number.isInteger(year) || typeof period !== 'object' || period === null) return [];
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
          vars: { expected: both(`${first}至${last}`, `${first} to ${last}`), actual: both(`${start}至${end}`, `${start} to ${end}`), value: `${start}/${end}` },
        },
      ];
    }
    case 'deadline': {
      const pointer = at(check.at, scope);
      const yearPointer = at(check.year, scope);
      const date = valueAt(current.value, pointer);
      const year = valueAt(current.value, yearPointer);
      if (date === undefined || year === undefined) return [];
      if (date === null || year === null) return [notAssessable(pointer, [{ pointer: date === null ? pointer : yearPointer, previous: false }])];
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
      return [{ pointer, expected: deadline, actual: date, vars: { expected: deadline, actual: date, value: date, label: applicable.label } }];
    }
    case 'mentions': {
      const found = texts(check.at, scope);
      if (!found) return [];
      const words = check.anyOf.map(foldLatin);
      if (found.some(({ text }) => words.some((word) => foldLatin(text).includes(word)))) return [];
      const pointer = check.at.map((pointer) => at(pointer, scope)).find((pointer) => valueAt(current.value, pointer) !== undefined)!;
      return [{ pointer, vars: { word: both(check.anyOf.join('、'), check.anyOf.join(', ')) } }];
    }
    case 'substantive': {
      const found = texts(check.at, scope);
      if (!found) return [];
      const joined = found.map(({ text }) => text.trim()).filter(Boolean).join(' ');
      const essence = meaningful(joined);
      const placeholder = check.placeholders.some((text) => meaningful(text) === essence);
      if ([...essence].length >= check.minChars && !placeholder) return [];
      const pointer = check.at.map((pointer) => at(pointer, scope)).find((pointer) => valueAt(current.value, pointer) !== undefined)!;
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
          for (const match of text.matchAll(compiled)) {
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
            raws.push({ pointer, expected, actual, vars: { expected: String(expected), actual: stated, value: match[0], word: match[0] } });
          }
        }
      }
      return raws;
    }
    case 'forbiddenText': {
      const found = texts(check.at, scope);
      if (!found) return [];
      const raws: Raw[] = [];
      for (const { pointer, text } of found) {
        const { folded, span } = foldForMatching(text);
        for (const word of check.words ?? []) {
          const needle = foldForMatching(word).folded;
          const index = needle === '' ? -1 : folded.indexOf(needle);
          if (index < 0) continue;
          const asWritten = span(index, needle.length);
          raws.push({ pointer, actual: asWritten, vars: { word: asWritten, value: asWritten, label: word } });
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
