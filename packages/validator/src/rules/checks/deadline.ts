/** deadline: a date on or before MM-DD of the year after the report year, for the first case that applies. */
import type { DeadlineCheck } from '@nianbao/template';
import { NO_RAWS, notAssessable, type Evaluator } from '../raw.js';
import { at, place, valueAt } from '../scope.js';

export const deadline: Evaluator<DeadlineCheck> = (check, scope) => {
  const pointer = at(check.at, scope);
  const yearPointer = at(check.year, scope);
  const date = valueAt(scope, place(check.at, scope));
  const year = valueAt(scope, place(check.year, scope));
  if (date === undefined || year === undefined) return NO_RAWS;
  if (date === null || year === null)
    return [notAssessable(pointer, [{ pointer: date === null ? pointer : yearPointer, previous: false }])];
  if (typeof date !== 'string' || typeof year !== 'number' || !Number.isInteger(year)) return NO_RAWS;
  const applicable = check.cases.find((candidate) =>
    Object.entries(candidate.match).every(([matchPointer, values]) => {
      const value = valueAt(scope, place(matchPointer, scope));
      return typeof value === 'string' && values.includes(value);
    }),
  );
  if (!applicable) return NO_RAWS;
  const last = `${String(year + 1).padStart(4, '0')}-${applicable.monthDay}`;
  if (date <= last) return NO_RAWS;
  return [
    {
      pointer,
      expected: last,
      actual: date,
      vars: { expected: last, actual: date, value: date, label: applicable.label },
    },
  ];
};
