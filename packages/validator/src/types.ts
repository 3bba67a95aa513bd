import type { Edition, JsonSchema, LocalizedText, RuleSet } from '@nianbao/template';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  /** A rule id from the rule files, or 'schema' for structural findings. */
  ruleId: string;
  /** 'info' only for "not assessable" findings. */
  severity: FindingSeverity;
  /** JSON Pointer of the cell / field / paragraph ('' = the whole document). */
  pointer: string;
  /** Official section heading, e.g. '三、收到和处理政府信息公开申请情况'. */
  section?: string;
  /** Official row labels, outermost first (table cells). */
  row?: string[];
  /** Official column labels, outermost first (table cells). */
  column?: string[];
  /** Arithmetic rules: the expected value (a sum); other rules where meaningful. */
  expected?: number | string;
  /** The value found. */
  actual?: unknown;
  message: LocalizedText;
  /** true: the rule could not be decided because a value it needs was not reported (null). */
  notAssessable?: boolean;
}

export interface ValidationResult {
  /** The edition the document declares, when it is a known one. */
  edition?: Edition;
  /** No finding of severity 'error'. */
  valid: boolean;
  findings: Finding[];
}

export interface ValidateOptions {
  /** Last year's report, any edition: enables the rules that need it (X-CARRY, X-VALID). */
  previous?: unknown;
  /** A government's own rule sets, evaluated after the edition's rules (validate them with checkRuleSet). */
  extraRules?: RuleSet[];
  /**
   * The schema to check the structure against instead of the edition's own: the edition's schema
   * patched by local extensions (@nianbao/extension). Applies only when the document's edition is
   * `schema['x-edition']`; rules read labels and types from it too.
   */
  schema?: JsonSchema;
  /**
   * Severity overrides by rule id (a local extension's): 'off' drops the rule's findings. Findings
   * that could not be assessed stay 'info'.
   */
  severity?: Record<string, SeverityOverride>;
}

export type SeverityOverride = 'error' | 'warning' | 'off';
