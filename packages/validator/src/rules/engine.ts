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
import type { Finding } from '../types.js';
import { converterFor } from '../zod-from-schema.js';
import { columnText, locationText, paragraphText, placeOf, rowText, type Place } from '../places.js';
import { both, clip } from '../text.js';
import { ZERO, add, compareDecimals, fromDecimal, negate, toDecimal, type Decimal } from './decimal.js';
import { isValidCreditCode } from './uscc.js';
import {
  ANY_SHAPE,
  childShape,
  foldUnit,
  holdsNoString,
  itemsShape,
  releaseScanBuffer,
  scanValue,
  scannerOf,
  shapeAt,
  unitsFoldingTo,
  wordAt,
  type CheckPlan,
  type ScanState,
  type Scanner,
  type Shape,
} from './text-scan.js';

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
  terms: Map<readonly Term[], readonly (number | Ref)[]>;
  texts: Map<readonly string[], TextList>;
}

interface Scope {
  ruleSet: RuleSet;
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
  texts: Map<string, TextEntry[] | undefined>;
  folded: Map<string, ReturnType<typeof foldForMatching>>;
  /** Per scanner (rule set): what its scans of this document found so far (text-scan.ts). */
  scanned: Map<Scanner, ScanState>;
}

/** What a check found, before it becomes a Finding with labels and a message. */
interface Raw {
  pointer: string;
  expected?: number | string;
  actual?: unknown;
  vars: Partial<Record<Placeholder, PlaceholderValue>>;
  /** Not assessable: the null cells that made it so. */
  nulls?: readonly { pointer: string; previous: boolean }[];
}

interface Ref {
  pointer: string;
  place: Accessor;
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
  const memo: Memo = { texts: new Map(), folded: new Map(), scanned: new Map() };
  generation++;
  try {
    for (const ruleSet of ruleSets)
      for (const rule of ruleSet.rules) evaluateRule(ruleSet, rule, current, previous, memo, findings);
  } finally {
    release();
  }
  return findings;
}

/**
 * Nothing of a document outlives its evaluation: the values the accessors cached are dropped, the scan
 * buffer is cleared, and RegExp's legacy statics (RegExp.input, lastMatch) no longer hold a text.
 */
function release(): void {
  for (let i = 0; i < touched.length; i++) {
    const place = touched[i]!;
    place.value0 = undefined;
    place.value1 = undefined;
    // A stamp of 0 is never current: the next evaluation looks the value up again.
    place.stamp0 = 0;
    place.stamp1 = 0;
  }
  touched.length = 0;
  scannedState = undefined;
  scannedPlan = undefined;
  scannedCheck = undefined;
  releaseScanBuffer();
  EMPTY.exec('');
}
const EMPTY = /(?:)/;

function evaluateRule(
  ruleSet: RuleSet,
  rule: Rule,
  current: RuleDocument,
  previous: RuleDocument | undefined,
  memo: Memo,
  findings: Finding[],
): void {
  if (rule.needsPrevious && !previous) return;
  const bindings = bindingsOf(rule);
  if (bindings.length === 0) return; // a forEach variable without values
  // One scope per rule, moved from binding to binding (nothing keeps it beyond its binding).
  const scope: Scope = {
    ruleSet,
    rule,
    vars: bindings[0]!.vars,
    base: bindings[0]!.base,
    binding: bindings[0]!,
    current,
    previous,
    memo,
  };
  for (const binding of bindings) {
    scope.vars = binding.vars;
    scope.base = binding.base;
    scope.binding = binding;
    const ruleCondition = evaluateConditions(rule.when, scope);
    if (!ruleCondition.holds) continue;
    for (const check of rule.checks) {
      const checkCondition = evaluateConditions(check.when, scope);
      if (!checkCondition.holds) continue;
      const conditionValue = checkCondition.value ?? ruleCondition.value;
      for (const raw of runCheck(check, scope)) findings.push(toFinding(raw, check, scope, conditionValue));
    }
  }
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
      terms: new Map(),
      texts: new Map(),
    }));
    compiled.set(rule, list);
  }
  return list;
}

/**
 * A pointer's place in a document, resolved from its parent's place: the rules read hundreds of cells
 * below the same few rows, and each read walked from the document's root (a keyed, megamorphic property
 * load per step). The value found is kept for the current evaluation only (`stamp` = `generation`), one
 * slot for the current document and one for last year's.
 */
interface Accessor {
  parent: Accessor | undefined;
  key: string;
  /** The segment as an array index (RFC 6901: 0 or digits without a leading 0). */
  index: number | undefined;
  stamp0: number;
  value0: unknown;
  stamp1: number;
  value1: unknown;
}

/** Bumped by every evaluateRuleSets call: the caller may change a document before validating it again. */
let generation = 0;
const accessors = new Map<string, Accessor>();
/** The accessors that cached a value in the current evaluation (cleared by `release`). */
const touched: Accessor[] = [];

function newAccessor(parent: Accessor | undefined, key: string): Accessor {
  return {
    parent,
    key,
    index: /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : undefined,
    stamp0: 0,
    value0: undefined,
    stamp1: 0,
    value1: undefined,
  };
}

function accessor(pointer: string): Accessor {
  let found = accessors.get(pointer);
  if (!found) {
    if (pointer === '') found = newAccessor(undefined, '');
    else {
      if (!pointer.startsWith('/')) parsePointer(pointer); // throws the usual error
      // Documents bring any number of paragraphs and unknown keys: keep the cache bounded (accessors
      // already handed out stay valid objects).
      if (accessors.size > 100_000) accessors.clear();
      // From the parent's accessor (rules read many cells of the same rows): one segment parsed here.
      const slash = pointer.lastIndexOf('/');
      const segment = pointer.slice(slash + 1);
      found = newAccessor(
        accessor(pointer.slice(0, slash)),
        segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment,
      );
    }
    accessors.set(pointer, found);
  }
  return found;
}

function lookup(place: Accessor, root: unknown, slot: 0 | 1): unknown {
  if (slot === 0 ? place.stamp0 === generation : place.stamp1 === generation)
    return slot === 0 ? place.value0 : place.value1;
  let value: unknown;
  if (place.parent === undefined) value = root;
  else {
    const node = lookup(place.parent, root, slot);
    if (Array.isArray(node)) value = place.index === undefined ? undefined : node[place.index];
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, place.key))
      value = (node as Record<string, unknown>)[place.key];
    else value = undefined;
  }
  if (place.stamp0 !== generation && place.stamp1 !== generation) touched.push(place);
  if (slot === 0) {
    place.stamp0 = generation;
    place.value0 = value;
  } else {
    place.stamp1 = generation;
    place.value1 = value;
  }
  return value;
}

/** The value at a pointer of the current (or, with `document`, the given) document; undefined when a step is missing. Only own properties count. */
function valueAt(scope: Scope, pointer: string, document: RuleDocument = scope.current): unknown {
  return lookup(accessor(pointer), document.value, document === scope.current ? 0 : 1);
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
  if (!text.includes('{')) return text;
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
  const pointer = absolute(text, scope.base);
  return { pointer, place: accessor(pointer), previous, negative };
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
  const value = valueAt(scope, ref.pointer, document);
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

type NullCell = { pointer: string; previous: boolean };
const NO_NULLS: readonly NullCell[] = Object.freeze([]);
/** A sum of terms: safe-integer part `small` plus the exact decimal part `big` (amounts, or beyond 2^53). */
type Sum = { missing: true } | { missing: false; nulls: readonly NullCell[]; small: number; big: Decimal | undefined };
const MISSING: Sum = { missing: true };

/** The exact total of a sum. */
function totalOf(sum: { small: number; big: Decimal | undefined }): Decimal {
  const exact: Decimal = { units: BigInt(sum.small), scale: 0 };
  return sum.big ? add(sum.big, exact) : exact;
}

/** Order of two sums; plain numbers when neither has a decimal part (no BigInt for counts). */
function compareSums(
  left: { small: number; big: Decimal | undefined },
  right: { small: number; big: Decimal | undefined },
): number {
  if (left.big === undefined && right.big === undefined)
    return left.small < right.small ? -1 : left.small > right.small ? 1 : 0;
  return compareDecimals(totalOf(left), totalOf(right));
}

/** The terms of a list as references (pointers substituted and resolved once per binding). */
function termsOf(terms: readonly Term[], scope: Scope): readonly (number | Ref)[] {
  let list = scope.binding.terms.get(terms);
  if (!list) {
    list = terms.map((term) => (typeof term === 'number' ? term : reference(term, scope)));
    scope.binding.terms.set(terms, list);
  }
  return list;
}

/** Σ of terms; 'missing' if any is unreadable, else the null cells (if any) and the sum. */
function sum(terms: readonly Term[], scope: Scope): Sum {
  // Counts are safe integers: add them as numbers while the partial sum stays exact (below 2^53), and
  // fall back to exact decimals for amounts and for sums beyond that.
  let small = 0;
  let big: Decimal | undefined;
  let nulls: NullCell[] | undefined;
  const list = termsOf(terms, scope);
  for (let i = 0; i < list.length; i++) {
    const term = list[i]!;
    let value: unknown;
    let negative = false;
    if (typeof term === 'number') value = term;
    else {
      const document = term.previous ? scope.previous : scope.current;
      if (!document) return MISSING;
      value = lookup(term.place, document.value, document === scope.current ? 0 : 1);
      if (value === undefined) return MISSING;
      if (value === null) {
        (nulls ??= []).push({ pointer: term.pointer, previous: term.previous });
        continue;
      }
      if (!fitsSchema(document, term.pointer, value)) return MISSING;
      negative = term.negative;
    }
    if (typeof value === 'number' && Number.isSafeInteger(value)) {
      const next = negative ? small - value : small + value;
      if (Number.isSafeInteger(next)) {
        small = next;
        continue;
      }
    }
    const decimal = toDecimal(value);
    if (!decimal) return MISSING;
    big = add(big ?? ZERO, negative ? negate(decimal) : decimal);
  }
  return { missing: false, nulls: nulls ?? NO_NULLS, small, big };
}

/**
 * Σ of terms that are all safe integers (counts) of documents whose values fit their schema, without
 * allocating; NaN when any term is otherwise (missing, null, an amount, a sum beyond 2^53, a document
 * that did not conform): `sum` then says what it is.
 */
function countSum(terms: readonly Term[], scope: Scope): number {
  const list = termsOf(terms, scope);
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const term = list[i]!;
    let value: unknown;
    if (typeof term === 'number') value = term;
    else {
      const document = term.previous ? scope.previous : scope.current;
      if (document === undefined || (document.root !== undefined && document.conforms !== true)) return NaN;
      value = lookup(term.place, document.value, document === scope.current ? 0 : 1);
      if (typeof value === 'number' && term.negative) value = -value;
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) return NaN;
    total += value;
    if (!Number.isSafeInteger(total)) return NaN;
  }
  return total;
}

function holds(op: CompareOp, order: number): boolean {
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

const HOLDS: { holds: boolean; value?: Decimal } = Object.freeze({ holds: true });

/** Conditions hold when all do; a comparison with an unreadable (missing or null) term does not. */
function evaluateConditions(
  conditions: readonly Condition[] | undefined,
  scope: Scope,
): { holds: boolean; value?: Decimal } {
  if (conditions === undefined) return HOLDS;
  let value: Decimal | undefined;
  for (const condition of conditions ?? []) {
    if ('present' in condition || 'absent' in condition) {
      const ref = reference('present' in condition ? condition.present : condition.absent, scope);
      const document = documentOf(ref, scope);
      const exists = document !== undefined && valueAt(scope, ref.pointer, document) !== undefined;
      if (exists !== 'present' in condition) return { holds: false };
      continue;
    }
    const left = sum(condition.left, scope);
    const right = sum(condition.right, scope);
    if (left.missing || right.missing || left.nulls.length > 0 || right.nulls.length > 0) return { holds: false };
    if (!holds(condition.op, compareSums(left, right))) return { holds: false };
    value = totalOf(left);
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

/** A string of the document; its pointer is built only when a finding (or a duplicate check) needs it. */
interface TextEntry {
  text: string;
  start: string;
  /** The keys (unescaped) and indexes below `start`. */
  path: readonly (string | number)[];
  pointer: string | undefined;
  /** Whether the text has an ASCII digit (asked once, by the first statedCount check). */
  digits: boolean | undefined;
}

const DIGIT = /[0-9]/;

function pointerOf(entry: TextEntry): string {
  if (entry.pointer === undefined) {
    let pointer = entry.start;
    for (const key of entry.path) pointer += `/${typeof key === 'number' ? String(key) : escapeKey(key)}`;
    entry.pointer = pointer;
  }
  return entry.pointer;
}

interface TextList {
  absolute: string[];
  key: string;
}

/** Every string below the pointers, with its pointer, in document order; absent pointers are skipped. */
function texts(pointers: readonly string[], scope: Scope): TextEntry[] | undefined {
  const list = textList(pointers, scope);
  if (scope.memo.texts.has(list.key)) return scope.memo.texts.get(list.key);
  const found = collectTexts(list.absolute, scope);
  scope.memo.texts.set(list.key, found);
  return found;
}

function textList(pointers: readonly string[], scope: Scope): TextList {
  let list = scope.binding.texts.get(pointers);
  if (!list) {
    const absolute = pointers.map((pointer) => at(pointer, scope));
    list = { absolute, key: absolute.join('\u0000') };
    scope.binding.texts.set(pointers, list);
  }
  return list;
}

/** What the last textsMayFind scanned every text of, for a forbiddenText check: its plan and the scan's results. */
let scannedPlan: CheckPlan | undefined;
let scannedState: ScanState | undefined;
let scannedCheck: Check | undefined;
/**
 * Whether a part of a forbiddenText check (its bit in the plan; 0 when bits ran out) may occur in a text
 * that yielded `here` in the scan (-1: not known).
 */
const mayOccurIn = (here: number, bit: number): boolean => here === -1 || bit === 0 || (here & bit) !== 0;

/**
 * The quick verdict of a forbiddenText or statedCount check (text-scan.ts): false when no text below
 * its pointers can give a finding (no word, no matching expression; every stated number equal to the
 * total), so the check is done without collecting, folding or locating its texts.
 */
function textsMayFind(check: Extract<Check, { type: 'forbiddenText' | 'statedCount' }>, scope: Scope): boolean {
  const scanner = scannerOf(scope.ruleSet, regex);
  const plan = scanner.checks.get(check);
  scannedPlan = undefined;
  scannedState = undefined;
  scannedCheck = check;
  if (plan === undefined || plan.always) return true;
  let state = scope.memo.scanned.get(scanner);
  if (!state) scope.memo.scanned.set(scanner, (state = { seen: new Map(), stated: [], hits: new Map() }));
  const { current } = scope;
  // Only a document that conforms to its schema has its strings where the schema says.
  const root = current.conforms === true ? current.root : undefined;
  let bits = 0;
  for (const pointer of textList(check.at, scope).absolute) {
    const value = valueAt(scope, pointer);
    if (value === undefined) continue;
    bits |= scanValue(scanner, value, root === undefined ? ANY_SHAPE : shapeAt(root, pointer), state);
  }
  if (check.type === 'forbiddenText') {
    // Every text was scanned: the exact search reads only the texts that yielded a bit, and in them
    // only the parts of the check (its word list, each expression) whose bit they yielded.
    scannedPlan = plan;
    scannedState = state;
    return (bits & plan.bits) !== 0;
  }
  if ((bits & plan.bits) === 0) return false;
  // Numbers are stated: a finding unless each equals the total. `stated` holds the numbers of every text
  // scanned in this evaluation, a superset of this check's: all equal there means all equal here.
  const total = sum(check.equals, scope);
  if (total.missing) return false;
  if (total.nulls.length > 0) return true;
  const exact = totalOf(total);
  const small = total.big === undefined ? String(total.small) : undefined;
  for (const pattern of plan.stated) {
    for (const stated of state.stated[pattern.index] ?? []) {
      if (stated === small) continue;
      if (compareDecimals({ units: BigInt(stated), scale: 0 }, exact) !== 0) return true;
    }
  }
  return false;
}

function collectTexts(absolutePointers: readonly string[], scope: Scope): TextEntry[] | undefined {
  const found: TextEntry[] = [];
  // Only pointers that overlap ('/sections' and '/sections/overview') can reach a text twice.
  const overlapping = absolutePointers.some((a, i) =>
    absolutePointers.some((b, j) => i !== j && (a === b || a === '' || b.startsWith(`${a}/`))),
  );
  const seen = overlapping ? new Set<string>() : undefined;
  let anyExists = false;
  // The keys below the current start pointer: no pointer string is built on the way (the tables are
  // large and hold no text), and a text's pointer only when it is asked for.
  const path: (string | number)[] = [];
  let start = '';
  // A document that conforms to its schema has strings only where the schema allows them: the walk
  // skips what cannot hold one (the tables), in the document's own key order.
  const root = scope.current.conforms === true ? scope.current.root : undefined;
  const walk = (value: unknown, shape: Shape) => {
    if (typeof value === 'string') {
      const entry: TextEntry = {
        text: value,
        start,
        path: path.length === 0 ? EMPTY_PATH : path.slice(),
        pointer: undefined,
        digits: undefined,
      };
      if (seen) {
        const pointer = pointerOf(entry);
        if (seen.has(pointer)) return;
        seen.add(pointer);
      }
      found.push(entry);
    } else if (Array.isArray(value)) {
      const items = itemsShape(shape);
      if (items === undefined) return;
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i], items);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      if (shape.object === undefined) return;
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const item = (value as Record<string, unknown>)[key];
        if (typeof item !== 'string' && (item === null || typeof item !== 'object')) continue;
        const child = childShape(shape, key);
        if (holdsNoString(child)) continue;
        path.push(key);
        walk(item, child);
        path.pop();
      }
    }
  };
  for (const absolutePointer of absolutePointers) {
    const value = valueAt(scope, absolutePointer);
    if (value === undefined) continue;
    anyExists = true;
    start = absolutePointer;
    walk(value, root === undefined ? ANY_SHAPE : shapeAt(root, absolutePointer));
  }
  return anyExists ? found : undefined;
}
const EMPTY_PATH: readonly (string | number)[] = Object.freeze([]);

/**
 * Whether a null may occur in a value or below it (what notNull walks); tables rarely have one. A
 * prefilter of that walk, so inherited keys may count too: no own-property test per cell.
 */
function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item === null || (typeof item === 'object' && hasNull(item))) return true;
    }
  } else if (typeof value === 'object') {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item === null || (typeof item === 'object' && hasNull(item))) return true;
    }
  }
  return false;
}

/** Case-insensitive for Latin letters only (other scripts have no case that matters here). */
const foldLatin = (text: string): string =>
  /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (letter) => letter.toLowerCase()) : text;

/** Invisible format characters (zero-width space and joiners, U+FEFF, soft hyphen, bidi marks) and full-width ASCII. */
const DISGUISE = /[\p{Cf}\uFF01-\uFF5E]/u;
const INVISIBLE = /\p{Cf}/u;
const INVISIBLE_ALL = /\p{Cf}/gu;

/**
 * Full-width ASCII forms (U+FF01–FF5E) as ASCII; other characters as they are. The regular expression
 * finds the runs (native code): this runs only for texts with a word in them, too rarely for a loop over
 * every character to be optimised.
 */
function asciiForms(text: string): string {
  return text.replace(FULL_WIDTH_RUN, toAscii);
}
const FULL_WIDTH_RUN = /[\uFF01-\uFF5E]+/g;
function toAscii(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) out += String.fromCharCode(run.charCodeAt(i) - 0xfee0);
  return out;
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
  // Full-width forms and capitals fold unit for unit: without an invisible character to drop, an offset
  // in the folded text is the same offset in the text as written (no walk over the text per match).
  if (!INVISIBLE.test(text))
    return { folded: foldLatin(asciiForms(text)), span: (index, length) => sliceWhole(text, index, length) };
  const folded = foldLatin(asciiForms(text.replace(INVISIBLE_ALL, '')));
  return { folded, span: (index, length) => spanOf(text, index, length) };
}

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;
const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/** text[index, index + length), widened as spanOf does when a match begins or ends inside a surrogate pair. */
function sliceWhole(text: string, index: number, length: number): string {
  const end = index + length;
  if (
    (index > 0 && isLowSurrogate(text.charCodeAt(index)) && isHighSurrogate(text.charCodeAt(index - 1))) ||
    (end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end)))
  ) {
    return spanOf(text, index, length);
  }
  return text.slice(index, end);
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

interface WordList {
  /** The words folded for matching. */
  needles: string[];
  /** Per unit of the text as written: 0, or the index in `starting` of the needles (as folded units) whose first unit it folds to. */
  first: Uint16Array;
  starting: number[][][];
  /** Per needle: no unit that another folds to (ASCII U+0021–007E), so it occurs in a text as written where it occurs folded. */
  plain: boolean[];
  /** Per needle, per unit: the units (as one-unit strings) that fold to it. */
  forms: string[][][];
}

/** Whether the text has, for each unit of a word, a unit that folds to it (a necessary condition for the word to occur folded). */
function everyUnitIn(text: string, forms: readonly (readonly string[])[]): boolean {
  for (let k = 0; k < forms.length; k++) {
    const alternatives = forms[k]!;
    let found = false;
    for (let a = 0; a < alternatives.length && !found; a++) found = text.includes(alternatives[a]!);
    if (!found) return false;
  }
  return true;
}

/**
 * Whether any word of the list occurs in the text once folded (foldForMatching), found on the text as
 * written in one pass: at each unit that can start a word, the word is compared unit by unit with
 * invisible format characters skipped between them. Folding a whole text costs more than this, and
 * Chinese text (with its full-width punctuation) always needed folding.
 */
function mayContain(list: WordList, text: string): boolean {
  const { first, starting } = list;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const slot = first[text.charCodeAt(i)]!;
    if (slot === 0) continue;
    const candidates = starting[slot]!;
    for (let c = 0; c < candidates.length; c++) if (wordAt(text, i, candidates[c]!)) return true;
  }
  return false;
}

const needleCache = new WeakMap<readonly string[], WordList>();
/** A word list folded for matching, indexed by first unit; once per list (rule sets are reused across documents). */
function needlesOf(words: readonly string[]): WordList {
  let cached = needleCache.get(words);
  if (!cached) {
    const needles = words.map((word) => foldForMatching(word).folded);
    const byFirst = new Map<number, number[][]>();
    for (const needle of needles) {
      // An empty word finds nothing, as indexOf('') is skipped below.
      if (needle === '') continue;
      const units = Array.from({ length: needle.length }, (_, k) => needle.charCodeAt(k));
      if (!byFirst.has(units[0]!)) byFirst.set(units[0]!, []);
      byFirst.get(units[0]!)!.push(units);
    }
    const first = new Uint16Array(0x10000);
    const starting: number[][][] = [[]];
    for (const [lead, list] of byFirst) {
      starting.push(list);
      // Every unit that folds to the first unit: itself, its full-width form, and their capitals.
      for (const unit of [lead, lead - 0x20, lead + 0xfee0, lead - 0x20 + 0xfee0])
        if (unit >= 0 && unit < 0x10000 && foldUnit(unit) === lead) first[unit] = starting.length - 1;
    }
    const plain = needles.map((needle) => {
      for (let k = 0; k < needle.length; k++) {
        const unit = needle.charCodeAt(k);
        if (unit >= 0x21 && unit <= 0x7e) return false;
      }
      return true;
    });
    const forms = needles.map((needle) =>
      Array.from({ length: needle.length }, (_, k) =>
        unitsFoldingTo(needle.charCodeAt(k)).map((unit) => String.fromCharCode(unit)),
      ),
    );
    cached = { needles, first, starting, plain, forms };
    needleCache.set(words, cached);
  }
  return cached;
}

const patternCache = new Map<string, WeakMap<readonly string[], (RegExp | undefined)[]>>();
/** A check's expressions compiled once (undefined: does not compile), instead of looked up per text. */
function patternsOf(patterns: readonly string[], flags: string): (RegExp | undefined)[] {
  let byList = patternCache.get(flags);
  if (!byList) patternCache.set(flags, (byList = new WeakMap()));
  let compiled = byList.get(patterns);
  if (!compiled) {
    compiled = patterns.map((pattern) => regex(pattern, flags));
    byList.set(patterns, compiled);
  }
  return compiled;
}

const labelledCache = new WeakMap<
  readonly { pattern: string; label: LocalizedText }[],
  { compiled: RegExp | undefined; label: LocalizedText }[]
>();
const NO_PATTERNS: { compiled: RegExp | undefined; label: LocalizedText }[] = [];
function labelledPatternsOf(
  patterns: readonly { pattern: string; label: LocalizedText }[] | undefined,
): { compiled: RegExp | undefined; label: LocalizedText }[] {
  if (!patterns) return NO_PATTERNS;
  let compiled = labelledCache.get(patterns);
  if (!compiled) {
    compiled = patterns.map(({ pattern, label }) => ({ compiled: regex(pattern), label }));
    labelledCache.set(patterns, compiled);
  }
  return compiled;
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

const notAssessable = (pointer: string, nulls: readonly { pointer: string; previous: boolean }[]): Raw => ({
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

/** A check's result when it finds nothing (shared: never added to). */
const NO_RAWS: readonly Raw[] = Object.freeze([]);

function runCheck(check: Check, scope: Scope): readonly Raw[] {
  const _current = scope.current;
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
        const value = valueAt(scope, absolutePointer);
        if (hasNull(value)) walk(value, absolutePointer);
      }
      return raws;
    }
    case 'compare': {
      // Counts (nearly every check of a report): compared as numbers, nothing allocated.
      const leftCount = countSum(check.left, scope);
      if (leftCount === leftCount) {
        const rightCount = countSum(check.right, scope);
        if (rightCount === rightCount && holds(check.op, leftCount < rightCount ? -1 : leftCount > rightCount ? 1 : 0))
          return NO_RAWS;
      }
      const left = sum(check.left, scope);
      const right = sum(check.right, scope);
      if (left.missing || right.missing) return NO_RAWS;
      // The sum holds in nearly every check of a report: its place is looked up only for a finding.
      if (left.nulls.length === 0 && right.nulls.length === 0 && holds(check.op, compareSums(left, right)))
        return NO_RAWS;
      const pointer =
        check.at !== undefined
          ? at(check.at, scope)
          : (firstPointer(check.left, scope) ?? firstPointer(check.right, scope) ?? scope.base ?? '');
      const nulls = [...left.nulls, ...right.nulls];
      if (nulls.length > 0) return [notAssessable(nulls.find((cell) => !cell.previous)?.pointer ?? pointer, nulls)];
      const actual = fromDecimal(totalOf(left));
      const expected =
        check.op === '==' ? fromDecimal(totalOf(right)) : `${OP_TEXT[check.op]} ${fromDecimal(totalOf(right))}`;
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
      const reading = readNumber({ pointer, place: accessor(pointer), previous: false, negative: false }, scope);
      if (reading.state === 'missing') return NO_RAWS;
      if (reading.state === 'null') return [notAssessable(pointer, [reading])];
      const tooSmall = check.min !== undefined && compareDecimals(reading.value, toDecimal(check.min) ?? ZERO) < 0;
      const tooBig = check.max !== undefined && compareDecimals(reading.value, toDecimal(check.max) ?? ZERO) > 0;
      if (!tooSmall && !tooBig) return NO_RAWS;
      const expected =
        check.min !== undefined && check.max !== undefined
          ? `${check.min}–${check.max}`
          : check.min !== undefined
            ? `≥ ${check.min}`
            : `≤ ${check.max}`;
      const actual = valueAt(scope, pointer);
      return [{ pointer, expected, actual, vars: { expected, actual: String(actual), value: String(actual) } }];
    }
    case 'pattern':
    case 'unifiedSocialCreditCode': {
      const pointer = at(check.at, scope);
      const value = valueAt(scope, pointer);
      if (value === null) return [notAssessable(pointer, [{ pointer, previous: false }])];
      if (typeof value !== 'string') return NO_RAWS;
      if (check.type === 'pattern') {
        const compiled = regex(check.pattern);
        if (!compiled || compiled.test(value)) return NO_RAWS;
        return [
          { pointer, expected: check.pattern, actual: value, vars: { expected: check.pattern, actual: value, value } },
        ];
      }
      if (isValidCreditCode(value)) return NO_RAWS;
      return [{ pointer, actual: value, vars: { actual: value, value } }];
    }
    case 'periodCoversYear': {
      const pointer = at(check.at, scope);
      const yearPointer = at(check.year, scope);
      const period = valueAt(scope, pointer);
      const year = valueAt(scope, yearPointer);
      const nulls = [
        ...(period === null ? [{ pointer, previous: false }] : []),
        ...(year === null ? [{ pointer: yearPointer, previous: false }] : []),
      ];
      if (nulls.length > 0) return [notAssessable(pointer, nulls)];
      if (typeof year !== 'number' || !Number.isInteger(year) || typeof period !== 'object' || period === null)
        return NO_RAWS;
      const { start, end } = period as { start?: unknown; end?: unknown };
      if (typeof start !== 'string' || typeof end !== 'string') return NO_RAWS;
      const yyyy = String(year).padStart(4, '0');
      const first = `${yyyy}-01-01`;
      const last = `${yyyy}-12-31`;
      if (start === first && end === last) return NO_RAWS;
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
      const date = valueAt(scope, pointer);
      const year = valueAt(scope, yearPointer);
      if (date === undefined || year === undefined) return NO_RAWS;
      if (date === null || year === null)
        return [notAssessable(pointer, [{ pointer: date === null ? pointer : yearPointer, previous: false }])];
      if (typeof date !== 'string' || typeof year !== 'number' || !Number.isInteger(year)) return NO_RAWS;
      const applicable = check.cases.find((candidate) =>
        Object.entries(candidate.match).every(([matchPointer, values]) => {
          const value = valueAt(scope, at(matchPointer, scope));
          return typeof value === 'string' && values.includes(value);
        }),
      );
      if (!applicable) return NO_RAWS;
      const deadline = `${String(year + 1).padStart(4, '0')}-${applicable.monthDay}`;
      if (date <= deadline) return NO_RAWS;
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
      if (!found) return NO_RAWS;
      const words = check.anyOf.map(foldLatin);
      const mentioned = found.some(({ text }) => {
        const folded = foldLatin(text);
        return words.some((word) => folded.includes(word));
      });
      if (mentioned) return NO_RAWS;
      const pointer = check.at
        .map((pointer) => at(pointer, scope))
        .find((pointer) => valueAt(scope, pointer) !== undefined)!;
      return [{ pointer, vars: { word: both(check.anyOf.join('、'), check.anyOf.join(', ')) } }];
    }
    case 'substantive': {
      const found = texts(check.at, scope);
      if (!found) return NO_RAWS;
      if (clearlySubstantive(found, check.minChars, check.placeholders)) return NO_RAWS;
      const joined = found
        .map(({ text }) => text.trim())
        .filter(Boolean)
        .join(' ');
      const essence = meaningful(joined);
      const placeholder = check.placeholders.some((text) => meaningful(text) === essence);
      if ([...essence].length >= check.minChars && !placeholder) return NO_RAWS;
      const pointer = check.at
        .map((pointer) => at(pointer, scope))
        .find((pointer) => valueAt(scope, pointer) !== undefined)!;
      return [{ pointer, actual: joined, vars: { actual: clip(joined), value: clip(joined) } }];
    }
    case 'statedCount': {
      if (!textsMayFind(check, scope)) return NO_RAWS;
      const found = texts(check.at, scope);
      if (!found) return NO_RAWS;
      const total = sum(check.equals, scope);
      if (total.missing) return NO_RAWS;
      const raws: Raw[] = [];
      const seen = new Set<string>();
      // Scanned without the d flag (indices slow every match down); a statement's start is read again,
      // with indices, from a sticky copy at the match's position, which gives the same match.
      const patterns = patternsOf(check.patterns, 'g');
      const withIndices = patternsOf(check.patterns, 'yd');
      for (const entry of found) {
        const text = entry.text;
        // A stated count is digits (group n must be \d+): most paragraphs have none and need no expression run.
        if (!(entry.digits ??= DIGIT.test(text))) continue;
        for (let p = 0; p < patterns.length; p++) {
          const compiled = patterns[p];
          if (!compiled) continue;
          compiled.lastIndex = 0;
          for (let match = compiled.exec(text); match !== null; match = compiled.exec(text)) {
            // An empty match: step over one code point (the expressions have the u flag), as matchAll does.
            if (match[0] === '') compiled.lastIndex += (text.codePointAt(compiled.lastIndex) ?? 0) > 0xffff ? 2 : 1;
            const stated = match.groups?.n;
            if (stated === undefined || !/^\d+$/.test(stated)) continue;
            // The group's start: where its text occurs in the match when it occurs there once, else read
            // with indices from a sticky copy at the match's position (the same match again).
            const offset = match[0].indexOf(stated);
            let start: number | undefined;
            if (offset === match[0].lastIndexOf(stated)) start = match.index + offset;
            else {
              const sticky = withIndices[p]!;
              sticky.lastIndex = match.index;
              start = sticky.exec(text)?.indices?.groups?.n?.[0];
            }
            // Two patterns often match the same statement; count each stated number once.
            const pointer = pointerOf(entry);
            const key = `${pointer}#${start}`;
            if (seen.has(key)) continue;
            seen.add(key);
            if (total.nulls.length > 0) {
              raws.push(notAssessable(pointer, total.nulls));
              return raws;
            }
            const exact = totalOf(total);
            const expected = fromDecimal(exact);
            if (compareDecimals({ units: BigInt(stated), scale: 0 }, exact) === 0) continue;
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
      if (!textsMayFind(check, scope)) return NO_RAWS;
      const found = texts(check.at, scope);
      if (!found) return NO_RAWS;
      const raws: Raw[] = [];
      const words = check.words ?? [];
      const list = needlesOf(words);
      const needles = list.needles;
      const plan = scannedCheck === check ? scannedPlan : undefined;
      const state = plan === undefined ? undefined : scannedState;
      const wordBit = plan === undefined ? 0 : plan.wordBit;
      const patternBits = plan?.patternBits;
      const patterns = labelledPatternsOf(check.patterns);
      for (const entry of found) {
        const text = entry.text;
        // What the scan saw in this text: most texts yielded nothing and are done.
        const here = state === undefined ? -1 : (state.hits.get(text) ?? 0);
        if (here === 0 && wordBit !== 0 && (patternBits === undefined || !patternBits.includes(0))) continue;
        // One pass over the text as written finds whether any word may occur, disguised or not (rarely);
        // only then is the text folded and each word looked up.
        // The scan looked for the same words the same way: a hit there is a hit here.
        if (here !== -1 && wordBit !== 0 ? (here & wordBit) !== 0 : mayContain(list, text)) {
          // Without an invisible character, folding keeps every offset and changes only units that fold
          // to ASCII: a word without such units (most: Chinese) is found as written, without folding the
          // text (too rare a path to be optimised: native indexOf instead of a fold per character).
          const asWrittenOk = !INVISIBLE.test(text);
          const plainSlice = asWrittenOk && !DISGUISE.test(text);
          let matching: ReturnType<typeof foldForMatching> | undefined;
          for (let w = 0; w < words.length; w++) {
            const word = words[w]!;
            const needle = needles[w]!;
            if (needle === '') continue;
            let asWritten: string;
            if (asWrittenOk && list.plain[w]) {
              const index = text.indexOf(needle);
              if (index < 0) continue;
              asWritten = plainSlice
                ? text.slice(index, index + needle.length)
                : sliceWhole(text, index, needle.length);
            } else {
              // Each unit of the word has to be in the text in some form that folds to it; Chinese text
              // has no Latin letter for bet365 and needs no folding for it.
              if (!everyUnitIn(text, list.forms[w]!)) continue;
              if (!matching) {
                matching = scope.memo.folded.get(text);
                if (!matching) scope.memo.folded.set(text, (matching = foldForMatching(text)));
              }
              const index = matching.folded.indexOf(needle);
              if (index < 0) continue;
              asWritten = matching.span(index, needle.length);
            }
            raws.push({
              pointer: pointerOf(entry),
              actual: asWritten,
              vars: { word: asWritten, value: asWritten, label: word },
            });
          }
        }
        for (let p = 0; p < patterns.length; p++) {
          if (patternBits !== undefined && !mayOccurIn(here, patternBits[p]!)) continue;
          const { compiled, label } = patterns[p]!;
          const match = compiled?.exec(text);
          if (!match) continue;
          raws.push({
            pointer: pointerOf(entry),
            actual: match[0],
            vars: { word: clip(match[0]), value: clip(match[0]), label },
          });
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
  // The same keys in the same order as always (ruleId, severity, pointer, section, row, column, …).
  const finding = { ruleId: rule.id, severity: rule.severity, pointer: raw.pointer } as Finding;
  if (place.section !== undefined) finding.section = place.section;
  // Copies: findings belong to the caller, the cached place does not.
  if (place.row !== undefined) finding.row = place.row.slice();
  if (place.column !== undefined) finding.column = place.column.slice();
  if (raw.nulls) {
    const cells = raw.nulls.map(({ pointer, previous }) => {
      const document = previous ? scope.previous : current;
      const location = locationText(placeOf(document?.root, pointer));
      return previous ? both(`上一年度报告的${location}`, `last year's ${location}`) : both(location, location);
    });
    finding.severity = 'info';
    finding.message = both(
      `无法判断“${rule.title.zh}”：${cells.map((cell) => cell.zh).join('、')}未填报。`,
      `Cannot assess "${rule.title.en}": ${cells.map((cell) => cell.en).join(', ')} ${cells.length > 1 ? 'were' : 'was'} not reported.`,
    );
    finding.notAssessable = true;
    return finding;
  }
  const template = compiledMessage(check.message ?? rule.message);
  // Only the placeholders the message uses (the place's labels are put together once per place, places.ts).
  const values: Record<string, PlaceholderValue> = {};
  // forEach variables first, so that the built-in placeholders of the same name win.
  for (const name in scope.vars) if (Object.hasOwn(scope.vars, name)) values[name] = scope.vars[name]!;
  for (let i = 0; i < template.builtIns.length; i++) {
    const name = template.builtIns[i]!;
    values[name] = builtIn(name, raw, place, conditionValue);
  }
  if (raw.expected !== undefined) finding.expected = raw.expected;
  if (raw.actual !== undefined) finding.actual = raw.actual;
  finding.message = { zh: fill(template.zh, values, 'zh'), en: fill(template.en, values, 'en') };
  return finding;
}

function builtIn(name: Placeholder, raw: Raw, place: Place, conditionValue: Decimal | undefined): PlaceholderValue {
  switch (name) {
    case 'location':
      return locationText(place);
    case 'row':
      return rowText(place);
    case 'column':
      return columnText(place);
    case 'paragraph':
      return paragraphText(place);
    case 'expected':
      return raw.vars.expected ?? conditionText(conditionValue);
    case 'actual':
      return raw.vars.actual ?? '';
    case 'value':
      return raw.vars.value ?? conditionText(conditionValue);
    case 'word':
      return raw.vars.word ?? '';
    case 'label':
      return raw.vars.label ?? '';
  }
}

const conditionText = (value: Decimal | undefined): string => (value === undefined ? '' : String(fromDecimal(value)));

/**
 * A message split once at its placeholders: literal text at even indexes, placeholder names at odd ones
 * (`{name}` as written is kept when the name has no value).
 */
interface CompiledMessage {
  zh: readonly string[];
  en: readonly string[];
  /** The built-in placeholders either language names, in BUILT_IN_PLACEHOLDERS order. */
  builtIns: readonly Placeholder[];
}

const PLACEHOLDER = /\{([^{}]+)\}/g;
const compiledMessages = new WeakMap<LocalizedText, CompiledMessage>();
function compiledMessage(message: LocalizedText): CompiledMessage {
  let compiled = compiledMessages.get(message);
  if (!compiled) {
    const split = (text: string): string[] => {
      const parts: string[] = [];
      let last = 0;
      for (const match of text.matchAll(PLACEHOLDER)) {
        parts.push(text.slice(last, match.index), match[1]!);
        last = match.index + match[0].length;
      }
      parts.push(text.slice(last));
      return parts;
    };
    const zh = split(message.zh);
    const en = split(message.en);
    const names = new Set([...zh.filter((_, i) => i % 2 === 1), ...en.filter((_, i) => i % 2 === 1)]);
    compiled = { zh, en, builtIns: BUILT_IN_PLACEHOLDERS.filter((name) => names.has(name)) };
    compiledMessages.set(message, compiled);
  }
  return compiled;
}

function fill(parts: readonly string[], values: Record<string, PlaceholderValue>, language: 'zh' | 'en'): string {
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    if (Object.hasOwn(values, name)) {
      const value = values[name]!;
      out += typeof value === 'string' ? value : value[language];
    } else out += `{${name}}`;
    out += parts[i + 1]!;
  }
  return out;
}
