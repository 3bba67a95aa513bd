/**
 * The arithmetic of the tables as the edition's data rules state it (rules-*.json: a row's 总计 is the sum
 * of its columns, a column's totals the sum of its rows, 一 + 二 = 三（七） + 四, table 四's blocks, and with
 * last year's report the carry-over), read from the template's rule set so that the importer checks what
 * the validator checks, not a copy of it. The one reading of those rules for every reader that confirms
 * what a document does not spell out: digits that ran together (glued-*.ts), rows that lost their labels
 * (rows-by-order.ts), table 四 in the official column order (value-tables.ts).
 */
import { type Edition, rulesFor } from '@nianbao/template';
import type { TableId } from './spec.js';

/** sum(coefficient × cell) + constant = 0, over cells named by JSON Pointer. */
export interface Equality {
  rule: string;
  terms: { pointer: string; coefficient: number }[];
  constant: number;
  /** Where an equality from outside the table comes from (the statement as written, last year's report). */
  source?: string;
}

export type Operand = string | number;

interface RuleShape {
  id: string;
  base?: string;
  when?: unknown;
  needsPrevious?: boolean;
  forEach?: Record<string, string[]>;
  checks?: { type: string; op?: string; when?: unknown; left?: Operand[]; right?: Operand[] }[];
}

/** Every combination of a rule's forEach variables ({} when it has none). */
function bindings(forEach: Record<string, string[]> | undefined): Record<string, string>[] {
  let result: Record<string, string>[] = [{}];
  for (const [name, values] of Object.entries(forEach ?? {})) {
    result = result.flatMap((binding) => values.map((value) => ({ ...binding, [name]: value })));
  }
  return result;
}

const substitute = (operand: Operand, binding: Record<string, string>): Operand =>
  typeof operand === 'string'
    ? operand.replace(/\{(\w+)\}/g, (whole, name: string) => binding[name] ?? whole)
    : operand;

/** A number of a report at a pointer (undefined when it has none there). */
export function numberAt(report: unknown, pointer: string): number | undefined {
  let node: unknown = report;
  for (const key of pointer.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' ? node : undefined;
}

/**
 * Adds `operands` (times `sign`) to `out`. A `prev:` operand (last year's report) is a constant read from
 * `previous`; without it, or when last year has no number there, the equality cannot be formed (false).
 */
function addOperands(operands: Operand[], base: string, sign: number, out: Equality, previous?: unknown): boolean {
  for (const operand of operands) {
    if (typeof operand === 'number') {
      out.constant += sign * operand;
      continue;
    }
    const isPrevious = operand.startsWith('prev:');
    const signed = isPrevious ? operand.slice('prev:'.length) : operand;
    const negative = signed.startsWith('-');
    const path = negative ? signed.slice(1) : signed;
    const pointer = path.startsWith('/') ? path : `${base}/${path}`;
    const coefficient = negative ? -sign : sign;
    if (!isPrevious) {
      out.terms.push({ pointer, coefficient });
      continue;
    }
    const value = previous === undefined ? undefined : numberAt(previous, pointer);
    if (value === undefined) return false;
    out.constant += coefficient * value;
  }
  return true;
}

/** The equalities of the rules `wanted` picks, last year's values put in from `previous`. */
function collect(edition: Edition, wanted: (rule: RuleShape) => boolean, previous?: unknown): Equality[] {
  const result: Equality[] = [];
  for (const rule of rulesFor(edition).rules as unknown as RuleShape[]) {
    // A rule that applies only under a condition is left out: fewer equalities only decide less.
    if (!rule.base || !rule.checks || rule.when || !wanted(rule)) continue;
    for (const check of rule.checks) {
      if (check.type !== 'compare' || check.op !== '==' || check.when || !check.left || !check.right) continue;
      for (const binding of bindings(rule.forEach)) {
        const equality: Equality = { rule: rule.id, terms: [], constant: 0 };
        const left = check.left.map((operand) => substitute(operand, binding));
        const right = check.right.map((operand) => substitute(operand, binding));
        if (
          addOperands(left, rule.base, 1, equality, previous) &&
          addOperands(right, rule.base, -1, equality, previous)
        )
          result.push(equality);
      }
    }
  }
  return result;
}

const equalityCache = new Map<Edition, Equality[]>();

/** The equalities among this year's table cells that the edition's rules state. */
export function equalities(edition: Edition): Equality[] {
  let cached = equalityCache.get(edition);
  if (!cached) equalityCache.set(edition, (cached = collect(edition, (rule) => !rule.needsPrevious)));
  return cached;
}

/** The equalities of the edition's cross-year rules, last year's values put in (none without last year). */
export function carryEqualities(edition: Edition, previous: unknown): Equality[] {
  if (previous === undefined || previous === null) return [];
  return collect(edition, (rule) => rule.needsPrevious === true, previous);
}

/** One equality among the cells of one table: paths relative to the table (results/disclosed/naturalPerson). */
export interface SumCheck {
  rule: string;
  terms: { path: string; coefficient: number }[];
  /** Every path the check reads. */
  paths: string[];
}

export type SumOutcome = 'holds' | 'fails' | 'undecided';

/** A cell's number; undefined where the cell has no number (not reported, not read, not a count). */
export type ValueAt = (path: string) => number | undefined;

const checkCache = new Map<string, SumCheck[]>();

/** The equalities among the cells of one table that the edition's rules state (no other table, no last year). */
export function sumChecks(edition: Edition, tableId: TableId): SumCheck[] {
  const cacheKey = `${edition}/${tableId}`;
  const cached = checkCache.get(cacheKey);
  if (cached) return cached;
  const base = `/sections/${tableId}/table/`;
  const checks = equalities(edition)
    .filter((equality) => equality.constant === 0 && equality.terms.every((term) => term.pointer.startsWith(base)))
    .map((equality) => {
      const terms = equality.terms.map((term) => ({
        path: term.pointer.slice(base.length),
        coefficient: term.coefficient,
      }));
      return { rule: equality.rule, terms, paths: terms.map((term) => term.path) };
    });
  checkCache.set(cacheKey, checks);
  return checks;
}

/** Whether a check holds; undecided when one of its cells has no number. */
export function sumOutcome(check: SumCheck, valueAt: ValueAt): SumOutcome {
  let sum = 0;
  for (const term of check.terms) {
    const value = valueAt(term.path);
    if (value === undefined) return 'undecided';
    sum += term.coefficient * value;
  }
  return sum === 0 ? 'holds' : 'fails';
}

/** The number at a path of a table object (a count or signed integer; amounts and text are not summed). */
export function numberIn(table: Record<string, unknown>, path: string): number | undefined {
  return numberAt(table, `/${path}`);
}
