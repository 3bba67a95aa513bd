/** compare: Σ left op Σ right, exactly (counts and decimal amounts). */
import type { CompareCheck, CompareOp, Term } from '@nianbao/template';
import { fromDecimal } from '../decimal.js';
import { NO_RAWS, notAssessable, type Evaluator } from '../raw.js';
import { at, compareSums, holds, reference, sum, totalOf, type Scope } from '../scope.js';

const OP_TEXT: Record<CompareOp, string> = { '==': '=', '!=': '≠', '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

/** Where a finding points without `at`: the first of this year's cells among the terms. */
function firstPointer(terms: readonly Term[], scope: Scope): string | undefined {
  for (const term of terms) {
    if (typeof term !== 'string') continue;
    const ref = reference(term, scope);
    if (!ref.previous) return ref.pointer;
  }
  return undefined;
}

export const compare: Evaluator<CompareCheck> = (check, scope) => {
  const left = sum(check.left, scope);
  const right = sum(check.right, scope);
  if (left.missing || right.missing) return NO_RAWS;
  const nulls = [...left.nulls, ...right.nulls];
  if (nulls.length === 0 && holds(check.op, compareSums(left, right))) return NO_RAWS;
  const pointer =
    check.at !== undefined
      ? at(check.at, scope)
      : (firstPointer(check.left, scope) ?? firstPointer(check.right, scope) ?? scope.base ?? '');
  if (nulls.length > 0) return [notAssessable(nulls.find((cell) => !cell.previous)?.pointer ?? pointer, nulls)];
  const actual = fromDecimal(totalOf(left));
  const rightTotal = fromDecimal(totalOf(right));
  const expected = check.op === '==' ? rightTotal : `${OP_TEXT[check.op]} ${rightTotal}`;
  return [
    { pointer, expected, actual, vars: { expected: String(expected), actual: String(actual), value: String(actual) } },
  ];
};
