import { isEdition, rulesFor, schemaFor, type RuleSet } from '@nianbao/template';
import type { Finding, SeverityOverride, ValidateOptions, ValidationResult } from './types.js';
import { editionFinding, structuralValidatorFor } from './structural.js';
import { evaluateRuleSets, type RuleDocument } from './rules/engine.js';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a report: its edition's JSON Schema (structural findings, rule id 'schema') and then every
 * declared rule of the edition, then `extraRules`. Rules run even when the structure is broken; a check
 * whose inputs are missing or of the wrong type is skipped (the schema finding covers it).
 * A document without a known edition gets one finding and no other check.
 */
export function validateReport(document: unknown, options: ValidateOptions = {}): ValidationResult {
  if (!isPlainObject(document) || !isEdition(document.edition)) {
    return { valid: false, findings: [editionFinding(document)] };
  }
  const edition = document.edition;
  // A patched schema applies to the edition it extends; a report of the other edition gets its own.
  const root =
    options.schema !== undefined && options.schema['x-edition'] === edition ? options.schema : schemaFor(edition);
  const findings: Finding[] = structuralValidatorFor(root, edition)(document);
  const ruleSets: RuleSet[] = [
    rulesFor(edition),
    // A rule file written for another edition does not apply; one without `edition` applies to all.
    ...(options.extraRules ?? []).filter((ruleSet) => ruleSet.edition === undefined || ruleSet.edition === edition),
  ];
  const previousValue = options.previous;
  const previous: RuleDocument | undefined =
    previousValue === undefined || previousValue === null
      ? undefined
      : {
          value: previousValue,
          root:
            isPlainObject(previousValue) && isEdition(previousValue.edition)
              ? schemaFor(previousValue.edition)
              : undefined,
        };
  // A document without structural findings fits its schema everywhere: the rules need not re-check types.
  const current: RuleDocument = { value: document, root, conforms: findings.length === 0 };
  findings.push(...evaluateRuleSets(ruleSets, current, previous));
  const final = options.severity ? overrideSeverity(findings, options.severity) : findings;
  return { edition, valid: !final.some((finding) => finding.severity === 'error'), findings: final };
}

/** Applies severity overrides by rule id; 'off' drops the findings, not-assessable ones stay 'info'. */
function overrideSeverity(findings: Finding[], overrides: Record<string, SeverityOverride>): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const override = Object.hasOwn(overrides, finding.ruleId) ? overrides[finding.ruleId] : undefined;
    if (override === undefined) out.push(finding);
    else if (override !== 'off') out.push(finding.severity === 'info' ? finding : { ...finding, severity: override });
  }
  return out;
}
