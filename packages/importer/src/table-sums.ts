/**
 * The arithmetic of a table as the edition's data rules state it (B-ROW, B-RESULTS, B-BALANCE, C-SUM:
 * Σ left == Σ right), read from the template's rule set so that the importer checks what the validator
 * checks, not a copy of it. Used to confirm a reading the document does not spell out (a row placed by
 * its order, a row read in the official column order): such a reading is kept only when these sums hold.
 */
import { type Edition, rulesFor, type Term } from '@nianbao/template';
import type { TableId } from './spec.js';

/** One instantiated equality: paths are relative to the table (results/disclosed/naturalPerson). */
export interface SumCheck {
  rule: string;
  left: SignedPath[];
  right: SignedPath[];
  /** Every path the check reads. */
  paths: string[];
}

export interface SignedPath {
  path: string;
  sign: 1 | -1;
}

export type SumOutcome = 'holds' | 'fails' | 'undecided';

/** A cell's number; undefined where the cell has no number (not reported, not read, not a count). */
export type ValueAt = (path: string) => number | undefined;

/** Every combination of a rule's forEach variables ({} when it has none). */
function bindings(forEach: Record<string, string[]> | undefined): Record<string, string>[] {
  let result: Record<string, string>[] = [{}];
  for (const [name, values] of Object.entries(forEach ?? {})) {
    result = result.flatMap((binding) => values.map((value) => ({ ...binding, [name]: value })));
  }
  return result;
}

/** A term as a path within the table, or undefined for what this table alone cannot tell (prev:, absolute). */
function signedPath(term: Term, binding: Record<string, string>): SignedPath | undefined {
  if (typeof term !== 'string') return undefined;
  const negative = term.startsWith('-');
  const path = (negative ? term.slice(1) : term).replace(/\{(\w+)\}/g, (_, name: string) => binding[name] ?? '');
  if (path.startsWith('prev:') || path.startsWith('/') || path.includes('{')) return undefined;
  return { path, sign: negative ? -1 : 1 };
}

const cache = new Map<string, SumCheck[]>();

/** The equalities among the cells of one table that the edition's rules state (no other table, no last year). */
export function sumChecks(edition: Edition, tableId: TableId): SumCheck[] {
  const cacheKey = `${edition}/${tableId}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const base = `/sections/${tableId}/table`;
  const checks: SumCheck[] = [];
  for (const rule of rulesFor(edition).rules) {
    if (rule.base !== base || rule.when || rule.needsPrevious) continue;
    for (const binding of bindings(rule.forEach)) {
      for (const check of rule.checks) {
        if (check.type !== 'compare' || check.op !== '==' || check.when) continue;
        const left = check.left.map((term) => signedPath(term, binding));
        const right = check.right.map((term) => signedPath(term, binding));
        if ([...left, ...right].some((term) => term === undefined)) continue;
        const sides = { left: left as SignedPath[], right: right as SignedPath[] };
        checks.push({ rule: rule.id, ...sides, paths: [...sides.left, ...sides.right].map((term) => term.path) });
      }
    }
  }
  cache.set(cacheKey, checks);
  return checks;
}

function total(terms: SignedPath[], valueAt: ValueAt): number | undefined {
  let sum = 0;
  for (const term of terms) {
    const value = valueAt(term.path);
    if (value === undefined) return undefined;
    sum += term.sign * value;
  }
  return sum;
}

/** Whether a check holds; undecided when one of its cells has no number. */
export function sumOutcome(check: SumCheck, valueAt: ValueAt): SumOutcome {
  const left = total(check.left, valueAt);
  const right = total(check.right, valueAt);
  if (left === undefined || right === undefined) return 'undecided';
  return left === right ? 'holds' : 'fails';
}

/** The number at a path of a table object (a count or signed integer; amounts and text are not summed). */
export function numberIn(table: Record<string, unknown>, path: string): number | undefined {
  let node: unknown = table;
  for (const segment of path.split('/')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'number' ? node : undefined;
}
