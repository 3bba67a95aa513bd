import type { Edition, JsonSchema, LocalizedText, RuleSet } from '@nianbao/template';

export type SeverityOverride = 'error' | 'warning' | 'off';

/** Why an extension (or one of its files) is refused: the file, the place in it, the reason. */
export interface ExtensionProblem {
  /** The file, as given (the folder joined with the file name). */
  file: string;
  /** JSON Pointer in that file ('' = the whole file). */
  pointer: string;
  /** 1-based, when the file could be read. */
  line?: number;
  column?: number;
  message: LocalizedText;
}

/** extension.json, checked. */
export interface ExtensionManifest {
  name: string;
  version: string;
  title?: string;
  description?: string;
  editions: Edition[];
  schemaPatch?: string | Partial<Record<Edition, string>>;
  rules?: string[];
  severity?: Record<string, SeverityOverride>;
  spamWords?: string[];
}

/** A loaded extension: its manifest and the content of its files, every part checked. */
export interface Extension {
  /** The folder it was loaded from. */
  folder: string;
  manifest: ExtensionManifest;
  /** The merge patch for each edition it patches, with the file it came from. */
  patches: Partial<Record<Edition, { file: string; patch: Record<string, unknown> }>>;
  /** Its rule files, each with the file it came from. */
  ruleSets: { file: string; ruleSet: RuleSet }[];
}

/** What the validator and the renderers take from the extensions that apply to one edition. */
export interface AppliedExtensions {
  edition: Edition;
  /** The edition's schema with every patch applied (the official one when none patches it). */
  schema: JsonSchema;
  /** The extensions' rule sets for this edition, and the spam-word rule if any words are given. */
  extraRules: RuleSet[];
  /** Severity overrides, later extensions winning. */
  severity: Record<string, SeverityOverride>;
  /** Name and version of each extension that applies. */
  applied: { name: string; version: string }[];
}

export type LoadResult = { ok: true; extension: Extension } | { ok: false; problems: ExtensionProblem[] };
