/** What a check evaluator returns: its findings before they get labels and a message (message.ts). */
import type { Check, LocalizedText } from '@nianbao/template';
import type { NullCell, Scope } from './scope.js';

/** Placeholders every message may use; forEach variables of the same name do not override them. */
export const BUILT_IN_PLACEHOLDERS = [
  'expected',
  'actual',
  'location',
  'row',
  'column',
  'value',
  'word',
  'paragraph',
  'label',
] as const;
export type Placeholder = (typeof BUILT_IN_PLACEHOLDERS)[number];
export type PlaceholderValue = string | LocalizedText;

/** One thing a check found. */
export interface Raw {
  pointer: string;
  expected?: number | string;
  actual?: unknown;
  /** Values of the placeholders the check knows (location, row, column, paragraph come from the pointer). */
  vars: Partial<Record<Placeholder, PlaceholderValue>>;
  /** Not assessable: the null cells that made it so. */
  nulls?: readonly NullCell[];
}

/**
 * A check type's evaluator: the findings of one check in one scope. Inputs that are missing or of the
 * wrong type give nothing (the structural check reports them); an input that is null ("not reported")
 * gives one `notAssessable` finding.
 */
export type Evaluator<C extends Check = Check> = (check: C, scope: Scope) => readonly Raw[];

/** A check's result when it finds nothing (shared: never added to). */
export const NO_RAWS: readonly Raw[] = Object.freeze([]);

export const notAssessable = (pointer: string, nulls: readonly NullCell[]): Raw => ({ pointer, vars: {}, nulls });
