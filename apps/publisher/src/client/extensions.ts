/**
 * The server's local extensions (`serve --extension`), fetched once before the first render: the
 * server loads them once at start, so they never change while the page is open. The editor lays out
 * its forms and grids from `schemaOf` and checks with `validateOptionsOf`, as the server does.
 */
import { schemaFor, type Edition, type JsonSchema } from '@nianbao/template';
import type { ValidateOptions } from '@nianbao/validator';
import { validateOptionsFor, type ExtensionsByEdition } from '../shared/extensions.js';

let current: ExtensionsByEdition = {};

export function setExtensions(extensions: ExtensionsByEdition): void {
  current = extensions;
}

/** The edition's schema, patched by the extensions that apply to it. */
export function schemaOf(edition: Edition): JsonSchema {
  return current[edition]?.schema ?? schemaFor(edition);
}

/** The validator's options for a document (none when no extension applies to its edition). */
export function validateOptionsOf(document: unknown): ValidateOptions {
  return validateOptionsFor(current, document);
}
