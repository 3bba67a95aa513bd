/** range: a number within [min, max]. */
import type { RangeCheck } from '@nianbao/template';
import { ZERO, compareDecimals, toDecimal } from '../decimal.js';
import { NO_RAWS, notAssessable, type Evaluator } from '../raw.js';
import { place, read } from '../scope.js';

export const range: Evaluator<RangeCheck> = (check, scope) => {
  const ref = place(check.at, scope);
  const pointer = ref.pointer;
  const reading = read(ref, scope);
  if (reading.state === 'missing') return NO_RAWS;
  if (reading.state === 'null') return [notAssessable(pointer, [reading.cell])];
  const value = toDecimal(reading.value);
  if (!value) return NO_RAWS;
  const tooSmall = check.min !== undefined && compareDecimals(value, toDecimal(check.min) ?? ZERO) < 0;
  const tooBig = check.max !== undefined && compareDecimals(value, toDecimal(check.max) ?? ZERO) > 0;
  if (!tooSmall && !tooBig) return NO_RAWS;
  const expected =
    check.min !== undefined && check.max !== undefined
      ? `${check.min}–${check.max}`
      : check.min !== undefined
        ? `≥ ${check.min}`
        : `≤ ${check.max}`;
  const actual = reading.value;
  return [{ pointer, expected, actual, vars: { expected, actual: String(actual), value: String(actual) } }];
};
