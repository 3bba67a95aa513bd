/**
 * What every check evaluator reads through: the rule being evaluated with one combination of its forEach
 * values (a Scope), pointers resolved against the rule's base, values read from this year's or last
 * year's report, sums of terms as exact decimals, and the rule's conditions.
 */
import {
  parsePointer,
  type CompareOp,
  type Condition,
  type JsonSchema,
  type Rule,
  type RuleSet,
  type Term,
} from '@nianbao/template';
import { converterFor } from '../zod-from-schema.js';
import { placeOf } from '../places.js';
import { ZERO, add, compareDecimals, negate, toDecimal, type Decimal } from './decimal.js';
import type { ReportTexts, TextEntry } from './texts.js';
import { row, rowValue, type Row } from './rows.js';

/** A report and the schema of its edition (undefined: unknown edition, no type information). */
export interface RuleDocument {
  value: unknown;
  root: JsonSchema | undefined;
  /** The value passed the structural check of `root`: every value fits the schema of its place. */
  conforms?: boolean;
}

/** What the checks of one evaluation share: texts collected once per list of pointers. */
export interface Memo {
  texts: Map<string, TextEntry[] | undefined>;
  /** Every string of the report, once asked for (texts.ts). */
  all?: ReportTexts;
  /** This evaluation's number (rows.ts): a row's value read in another evaluation is not reused. */
  generation: number;
}

/**
 * One combination of a rule's forEach values, with the pointers of its terms resolved once: the same
 * rules run on every report, and resolving a pointer costs more than reading the cell.
 */
export interface Binding {
  vars: Record<string, string>;
  base: string | undefined;
  refs: Map<string, Ref>;
  pointers: Map<string, Ref>;
  terms: Map<readonly Term[], readonly (number | Ref)[]>;
  /** Per list of text pointers: the absolute pointers and the list's key (texts.ts). */
  lists: Map<readonly string[], { refs: Ref[]; key: string; overlapping: boolean }>;
}

/** One rule evaluated with one combination of its forEach values. */
export interface Scope {
  ruleSet: RuleSet;
  rule: Rule;
  vars: Record<string, string>;
  base: string | undefined;
  binding: Binding;
  current: RuleDocument;
  previous: RuleDocument | undefined;
  memo: Memo;
}

export type NullCell = { pointer: string; previous: boolean };

const bindingCache = new WeakMap<Rule, Binding[]>();

/** Every combination of the rule's forEach values, the first variable outermost (made once per rule). */
export function bindingsOf(rule: Rule): Binding[] {
  let list = bindingCache.get(rule);
  if (!list) {
    let combinations: Record<string, string>[] = [{}];
    for (const [name, values] of Object.entries(rule.forEach ?? {})) {
      combinations = combinations.flatMap((vars) => values.map((value) => ({ ...vars, [name]: value })));
    }
    list = combinations.map((vars) => ({
      vars,
      base: rule.base === undefined ? undefined : substitute(rule.base, vars),
      refs: new Map(),
      pointers: new Map(),
      terms: new Map(),
      lists: new Map(),
    }));
    bindingCache.set(rule, list);
  }
  return list;
}

/** `{name}` replaced by the forEach variable's value; unknown names are left as written. */
export function substitute(text: string, vars: Record<string, string>): string {
  if (!text.includes('{')) return text;
  return text.replace(/\{([^{}]+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? vars[name]! : whole));
}

function absolute(pointer: string, base: string | undefined): string {
  if (pointer.startsWith('/')) return pointer;
  if (pointer === '') return base ?? '';
  return `${base ?? ''}/${pointer}`;
}

/** A pointer of a check (variables substituted, relative to the rule's base), resolved once per binding. */
export function place(pointer: string, scope: Scope): Ref {
  let ref = scope.binding.pointers.get(pointer);
  if (!ref) {
    const resolved = absolute(substitute(pointer, scope.vars), scope.base);
    const steps = stepsOf(resolved);
    ref = {
      pointer: resolved,
      steps,
      plain: plainSteps(steps),
      row: rowOf(resolved),
      previous: false,
      negative: false,
    };
    scope.binding.pointers.set(pointer, ref);
  }
  return ref;
}

/** A pointer of a check as an absolute pointer. */
export const at = (pointer: string, scope: Scope): string => place(pointer, scope).pointer;

/** A pointer's segments as read: array indexes as numbers (RFC 6901: 0 or digits without a leading 0). */
export type Steps = readonly (string | number)[];
const INDEX = /^(0|[1-9][0-9]*)$/;
const stepsOf = (pointer: string): Steps =>
  parsePointer(pointer).map((segment) => (INDEX.test(segment) ? Number(segment) : segment));

/** Whether no step of a pointer names a property every object inherits ("constructor", "__proto__"). */
const plainSteps = (steps: Steps): boolean =>
  steps.every((step) => typeof step === 'number' || (!(step in Object.prototype) && step !== '__proto__'));

/** The row of a pointer: its parent's pointer, as a Row. */
function rowOf(pointer: string): Row {
  const parent = pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
  return row(parent, stepsOf(parent));
}

/** One step down from a value; undefined when the step is missing. Only own properties count. */
export function step(node: unknown, key: string | number, plain: boolean): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) return typeof key === 'number' ? node[key] : undefined;
  return plain || Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
}

/** The value at a term's pointer in a document, its row found once per evaluation. */
export function cellValue(document: RuleDocument, ref: Ref, scope: Scope): unknown {
  if (ref.steps.length === 0) return document.value;
  const row = rowValue(ref.row, document.value, document === scope.current ? 0 : 1, scope.memo.generation);
  return step(row, ref.steps[ref.steps.length - 1]!, ref.plain);
}

/** The value at a pointer; undefined when a step is missing. Only own properties count. */
export function valueIn(root: unknown, pointer: string | Ref): unknown {
  if (typeof pointer !== 'string') return walk(root, pointer.steps, pointer.plain);
  const steps = stepsOf(pointer);
  return walk(root, steps, plainSteps(steps));
}

/** Down the steps; `plain`: no step names an inherited property, so none needs a hasOwn test. */
export function walk(root: unknown, steps: Steps, plain: boolean): unknown {
  let node = root;
  for (let i = 0; i < steps.length && node !== undefined; i++) node = step(node, steps[i]!, plain);
  return node;
}

/** The value at an absolute pointer of this year's report. */
export const valueAt = (scope: Scope, pointer: string | Ref): unknown => valueIn(scope.current.value, pointer);

/** A term that is a pointer: `-` subtracts it, `prev:` reads last year's report. */
export interface Ref {
  pointer: string;
  steps: Steps;
  /** No step names an inherited property (valueIn). */
  plain: boolean;
  /** The row (the pointer without its last step), whose value is read once per evaluation. */
  row: Row;
  previous: boolean;
  negative: boolean;
}

/** A term or pointer of the rule, resolved once per binding. */
export function reference(term: string, scope: Scope): Ref {
  let ref = scope.binding.refs.get(term);
  if (!ref) {
    let text = substitute(term, scope.vars);
    const negative = text.startsWith('-');
    if (negative) text = text.slice(1);
    const previous = text.startsWith('prev:');
    if (previous) text = text.slice('prev:'.length);
    const pointer = absolute(text, scope.base);
    const steps = stepsOf(pointer);
    ref = { pointer, steps, plain: plainSteps(steps), row: rowOf(pointer), previous, negative };
    scope.binding.refs.set(term, ref);
  }
  return ref;
}

/** Whether a value fits the schema of its place (a count that is 1.5 or "12" is of the wrong type). */
function fitsSchema(document: RuleDocument, pointer: string, value: unknown): boolean {
  if (!document.root || document.conforms) return true;
  const place = placeOf(document.root, pointer);
  if (!place.schema) return true;
  return converterFor(document.root).convert(place.schema).safeParse(value).success;
}

export type Reading = { state: 'ok'; value: unknown } | { state: 'null'; cell: NullCell } | { state: 'missing' };

/** A term's value when it exists and fits its place; null cells are told apart from missing ones. */
export function read(ref: Ref, scope: Scope): Reading {
  const document = ref.previous ? scope.previous : scope.current;
  if (!document) return { state: 'missing' };
  const value = valueIn(document.value, ref);
  if (value === undefined) return { state: 'missing' };
  if (value === null) return { state: 'null', cell: { pointer: ref.pointer, previous: ref.previous } };
  if (!fitsSchema(document, ref.pointer, value)) return { state: 'missing' };
  return { state: 'ok', value };
}

/**
 * Σ of terms: missing when a term is unreadable, else its null cells (if any) and the exact total as a
 * safe-integer part `small` plus a decimal part `big` (amounts, sums beyond 2^53); counts need no BigInt.
 */
export type Sum = { missing: true } | Total;
export interface Total {
  missing: false;
  nulls: NullCell[];
  small: number;
  big: Decimal | undefined;
}

export const totalOf = (sum: Total): Decimal => add(sum.big ?? ZERO, { units: BigInt(sum.small), scale: 0 });

export function compareSums(left: Total, right: Total): number {
  if (left.big === undefined && right.big === undefined)
    return left.small < right.small ? -1 : left.small > right.small ? 1 : 0;
  return compareDecimals(totalOf(left), totalOf(right));
}

const NO_NULLS: NullCell[] = [];
const MISSING: Sum = Object.freeze({ missing: true });

export function sum(terms: readonly Term[], scope: Scope): Sum {
  // Counts are safe integers: added as numbers while exact; amounts and larger sums as decimals.
  let small = 0;
  let big: Decimal | undefined;
  let nulls: NullCell[] = NO_NULLS;
  let list = scope.binding.terms.get(terms);
  if (!list) {
    list = terms.map((term) => (typeof term === 'number' ? term : reference(term, scope)));
    scope.binding.terms.set(terms, list);
  }
  for (const ref of list) {
    let value: unknown = ref;
    let negative = false;
    if (typeof ref !== 'number') {
      const document = ref.previous ? scope.previous : scope.current;
      if (!document) return MISSING;
      value = cellValue(document, ref, scope);
      if (value === undefined) return MISSING;
      if (value === null) {
        if (nulls === NO_NULLS) nulls = [];
        nulls.push({ pointer: ref.pointer, previous: ref.previous });
        continue;
      }
      if (!fitsSchema(document, ref.pointer, value)) return MISSING;
      negative = ref.negative;
    }
    const next = typeof value === 'number' ? (negative ? small - value : small + value) : Number.NaN;
    if (Number.isSafeInteger(value) && Number.isSafeInteger(next)) {
      small = next;
      continue;
    }
    const decimal = toDecimal(value);
    if (!decimal) return { missing: true };
    big = add(big ?? ZERO, negative ? negate(decimal) : decimal);
  }
  return { missing: false, nulls, small, big };
}

export function holds(op: CompareOp, order: number): boolean {
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

const HOLDS = Object.freeze({ holds: true });

/** Conditions hold when all do; a comparison with an unreadable (missing or null) term does not. */
export function evaluateConditions(
  conditions: readonly Condition[] | undefined,
  scope: Scope,
): { holds: boolean; value?: Decimal } {
  if (conditions === undefined) return HOLDS;
  let value: Decimal | undefined;
  for (const condition of conditions ?? []) {
    if ('present' in condition || 'absent' in condition) {
      const ref = reference('present' in condition ? condition.present : condition.absent, scope);
      const document = ref.previous ? scope.previous : scope.current;
      const exists = document !== undefined && valueIn(document.value, ref) !== undefined;
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
