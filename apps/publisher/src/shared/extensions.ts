/**
 * Local extensions in the app (`nianbao serve --extension`): what @nianbao/extension's applyExtensions
 * gives each edition, loaded once by the caller at start. The server validates, previews and publishes
 * with it and hands it to the client (GET /api/extensions), so both check the same way.
 */
import type { Edition, JsonSchema } from '@nianbao/template';
import type { RuleSet, ValidateOptions } from '@nianbao/validator';

type SeverityOverride = NonNullable<ValidateOptions['severity']>[string];

export interface EditionExtensions {
  /** The edition's schema with the extensions' patches applied. */
  schema: JsonSchema;
  extraRules: RuleSet[];
  severity: Record<string, SeverityOverride>;
  /** Name and version of each extension applied (declared in the open data). */
  applied: { name: string; version: string }[];
}

export type ExtensionsByEdition = Partial<Record<Edition, EditionExtensions>>;

const editionOf = (document: unknown) => (document as { edition?: unknown } | null)?.edition;

/** The extensions for a document's edition, if any apply to it. */
export function extensionsFor(extensions: ExtensionsByEdition, document: unknown): EditionExtensions | undefined {
  const edition = editionOf(document);
  return typeof edition === 'string' ? extensions[edition as Edition] : undefined;
}

/** The validator's options for a document: the patched schema, extra rules and severity overrides. */
export function validateOptionsFor(extensions: ExtensionsByEdition, document: unknown): ValidateOptions {
  const found = extensionsFor(extensions, document);
  return found ? { schema: found.schema, extraRules: found.extraRules, severity: found.severity } : {};
}
