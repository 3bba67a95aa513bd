/** The shape of a migration mapping (schemas/migration.schema.json), and lookups over it. */
import type { LocalizedText } from '@nianbao/template';

/** The target field takes the source field's value as it is (an object: the whole subtree). */
export interface CopyEntry {
  to: string;
  from: string;
  note?: string;
}
/**
 * The target field is set to a fixed value, in place of the source field `replaces` (with
 * `onlyIfPresent`: only when the source has that field).
 */
export interface ValueEntry {
  to: string;
  value: unknown;
  replaces?: string;
  onlyIfPresent?: boolean;
  note?: string;
}
/** The target field has no source: a table cell stays not reported (null) and is listed. */
export interface NewEntry {
  to: string;
  new: true;
  reason: LocalizedText;
}
/** The source field has no place in the target edition: its values are listed. */
export interface DroppedEntry {
  from: string;
  dropped: true;
  reason: LocalizedText;
}
export type MappingEntry = CopyEntry | ValueEntry | NewEntry | DroppedEntry;
export type TargetEntry = CopyEntry | ValueEntry | NewEntry;

export interface Mapping {
  $schema: string;
  from: string;
  to: string;
  description?: string;
  fields: MappingEntry[];
}

export const isDropped = (entry: MappingEntry): entry is DroppedEntry => 'dropped' in entry;
export const isNew = (entry: MappingEntry): entry is NewEntry => 'new' in entry;
export const isValue = (entry: MappingEntry): entry is ValueEntry => 'value' in entry;
export const isCopy = (entry: MappingEntry): entry is CopyEntry => 'from' in entry && 'to' in entry;

/** The entries that produce a target field, by their target pointer. */
export function targetsOf(mapping: Mapping): Map<string, TargetEntry> {
  const targets = new Map<string, TargetEntry>();
  for (const entry of mapping.fields) if (!isDropped(entry)) targets.set(entry.to, entry);
  return targets;
}
