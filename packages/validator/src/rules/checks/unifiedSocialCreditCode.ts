/** unifiedSocialCreditCode: a 统一社会信用代码 with a correct check character (GB 32100-2015). */
import type { CreditCodeCheck } from '@nianbao/template';
import { NO_RAWS, notAssessable, type Evaluator } from '../raw.js';
import { place, valueAt } from '../scope.js';
import { isValidCreditCode } from '../uscc.js';

export const unifiedSocialCreditCode: Evaluator<CreditCodeCheck> = (check, scope) => {
  const ref = place(check.at, scope);
  const pointer = ref.pointer;
  const value = valueAt(scope, ref);
  if (value === null) return [notAssessable(pointer, [{ pointer, previous: false }])];
  if (typeof value !== 'string' || isValidCreditCode(value)) return NO_RAWS;
  return [{ pointer, actual: value, vars: { actual: value, value } }];
};
