import { isEdition, rulesFor, schemaFor, type RuleSet } from '@nianbao/template';
import type { Finding, ValidateOptions, ValidationResult } from './types.js';
import { editionFinding, structuralValidator } from './structural.js';
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
  const findings: Finding[] = structuralValidator(edition)(document);
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
  const current: RuleDocument = { value: document, root: schemaFor(edition), conforms: findings.length === 0 };
  findings.push(...evaluateRuleSets(ruleSets, current, previous));
  return { edition, valid: !findings.some((finding) => finding.severity === 'error'), findings };
}
