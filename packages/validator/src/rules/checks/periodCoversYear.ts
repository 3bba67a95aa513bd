/** periodCoversYear: the report period is 1 January – 31 December of the report year. */
import type { PeriodCoversYearCheck } from '@nianbao/template';
import { both } from '../../text.js';
import { NO_RAWS, notAssessable, type Evaluator } from '../raw.js';
import { at, place, valueAt } from '../scope.js';

export const periodCoversYear: Evaluator<PeriodCoversYearCheck> = (check, scope) => {
  const pointer = at(check.at, scope);
  const yearPointer = at(check.year, scope);
  const period = valueAt(scope, place(check.at, scope));
  const year = valueAt(scope, place(check.year, scope));
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
  const vars = {
    expected: both(`${first}至${last}`, `${first} to ${last}`),
    actual: both(`${start}至${end}`, `${start} to ${end}`),
    value: `${start}/${end}`,
  };
  return [{ pointer, expected: `${first}/${last}`, actual: { start, end }, vars }];
};
