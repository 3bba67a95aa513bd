/** Runs one check of a type on a report (through validateReport, as a government's own rule) and returns its findings. */
import type { Check, RuleSet } from '@nianbao/template';
import { validReport } from '@nianbao/fixtures';
import type { Finding, ValidateOptions } from '../../src/index.js';
import { copy, validate } from '../helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: tests change reports freely
export type Doc = Record<string, any>;
export const doc = (edition: '2019' | '2021' = '2021', seed = 8): Doc =>
  copy(validReport(edition, seed)) as unknown as Doc;

export interface RuleExtras {
  base?: string;
  forEach?: Record<string, string[]>;
  message?: { zh: string; en: string };
}

/** The check as rule TEST-CHECK; the message shows every placeholder so tests can assert them. */
export function findings(
  document: Doc,
  check: { readonly type: Check['type']; readonly [key: string]: unknown },
  extras: RuleExtras = {},
  options: ValidateOptions = {},
): Finding[] {
  const rules: RuleSet = {
    rules: [
      {
        id: 'TEST-CHECK',
        severity: 'warning',
        title: { zh: '测试', en: 'test' },
        message: extras.message ?? { zh: '{actual}|{expected}|{value}|{word}|{label}', en: '{location}' },
        ...(extras.base === undefined ? {} : { base: extras.base }),
        ...(extras.forEach === undefined ? {} : { forEach: extras.forEach }),
        checks: [check as unknown as Check],
      },
    ],
  };
  return validate(document, { ...options, extraRules: [rules] }).findings.filter((f) => f.ruleId === 'TEST-CHECK');
}
