/** pattern: a string matches a regular expression (u flag). */
import type { PatternCheck } from '@nianbao/template';
import { NO_RAWS, notAssessable, type Evaluator } from '../raw.js';
import { regex } from '../regex.js';
import { place, valueAt } from '../scope.js';

export const pattern: Evaluator<PatternCheck> = (check, scope) => {
  const ref = place(check.at, scope);
  const pointer = ref.pointer;
  const value = valueAt(scope, ref);
  if (value === null) return [notAssessable(pointer, [{ pointer, previous: false }])];
  if (typeof value !== 'string') return NO_RAWS;
  const compiled = regex(check.pattern);
  if (!compiled || compiled.test(value)) return NO_RAWS;
  return [{ pointer, expected: check.pattern, actual: value, vars: { expected: check.pattern, actual: value, value } }];
};
