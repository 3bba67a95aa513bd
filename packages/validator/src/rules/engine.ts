/**
 * The generic rule engine: evaluates the declared rules (rules-<edition>.json, or a government's own
 * rule file) against a report. Nothing here knows a particular rule; every rule is data, and every
 * check type is one evaluator in ./checks (the table CHECKS).
 *
 * For each rule: each combination of its forEach values, when the rule's conditions hold, each check
 * whose own conditions hold is evaluated and what it found becomes a Finding (message.ts).
 */
import type { Check, Rule, RuleSet } from '@nianbao/template';
import type { Finding } from '../types.js';
import { CHECKS } from './checks/index.js';
import { toFinding } from './message.js';
import type { Evaluator, Raw } from './raw.js';
import { nextGeneration, release } from './rows.js';
import { bindingsOf, evaluateConditions, type Memo, type RuleDocument, type Scope } from './scope.js';

export { BUILT_IN_PLACEHOLDERS } from './raw.js';
export type { RuleDocument } from './scope.js';

export function evaluateRuleSets(
  ruleSets: readonly RuleSet[],
  current: RuleDocument,
  previous?: RuleDocument,
): Finding[] {
  const findings: Finding[] = [];
  // Lives for this call only: the caller may change the document before validating it again.
  const memo: Memo = { texts: new Map(), generation: nextGeneration() };
  try {
    for (const ruleSet of ruleSets) evaluateRuleSet(ruleSet, current, previous, memo, findings);
  } finally {
    release();
    // RegExp's legacy statics (RegExp.input, lastMatch) would otherwise keep the last text matched alive.
    /(?:)/.exec('');
  }
  return findings;
}

function evaluateRuleSet(
  ruleSet: RuleSet,
  current: RuleDocument,
  previous: RuleDocument | undefined,
  memo: Memo,
  findings: Finding[],
): void {
  for (const rule of ruleSet.rules) {
    if (rule.needsPrevious && !previous) continue;
    for (const binding of bindingsOf(rule)) {
      const scope: Scope = { ruleSet, rule, vars: binding.vars, base: binding.base, binding, current, previous, memo };
      evaluateRule(rule, scope, findings);
    }
  }
}

/** The findings of one rule in one binding, added to `findings`. */
function evaluateRule(rule: Rule, scope: Scope, findings: Finding[]): void {
  const ruleCondition = evaluateConditions(rule.when, scope);
  if (!ruleCondition.holds) return;
  for (const check of rule.checks) {
    const checkCondition = evaluateConditions(check.when, scope);
    if (!checkCondition.holds) continue;
    const conditionValue = checkCondition.value ?? ruleCondition.value;
    for (const raw of runCheck(check, scope)) findings.push(toFinding(raw, check, scope, conditionValue));
  }
}

/** The check's evaluator from the table; a type the table does not know finds nothing. */
function runCheck(check: Check, scope: Scope): readonly Raw[] {
  const evaluator = CHECKS[check.type] as Evaluator | undefined;
  return evaluator ? evaluator(check, scope) : [];
}
