export type { Finding, FindingSeverity, ValidationResult, ValidateOptions } from './types.js';
export { validateReport } from './validate.js';
export { checkRuleSet } from './rule-set.js';
export { structuralValidator, structuralValidatorFor } from './structural.js';
export { zodFromJsonSchema, UnsupportedSchemaError, type SchemaIssueParams } from './zod-from-schema.js';
export { isValidCreditCode, creditCodeCheckCharacter, CREDIT_CODE_ALPHABET } from './rules/uscc.js';
export type { Edition, RuleSet } from '@nianbao/template';
