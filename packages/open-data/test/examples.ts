import { bundledExamples, goldenFiles } from '@nianbao/fixtures';

/** The project's example reports, one per edition. */
export const examples = bundledExamples();
/** Compares with test/golden/<file>; `UPDATE_GOLDEN=1` rewrites it (read it before committing). */
export const golden = goldenFiles(new URL('./golden/', import.meta.url));
export const clone = <T>(value: T): T => structuredClone(value);
