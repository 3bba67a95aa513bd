export {
  labelOf,
  mappingFor,
  migrateReport,
  MigrationError,
  type Dropped,
  type Lang,
  type MigrateOptions,
  type MigrateResult,
  type MigrationErrorCode,
  type NotCarried,
} from './migrate.js';
export type { CopyEntry, DroppedEntry, Mapping, MappingEntry, NewEntry, ValueEntry } from './mapping.js';
