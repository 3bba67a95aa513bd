export type * from './types.js';
export { mergePatch, checkPatch, type PatchProblem } from './patch.js';
export { checkManifest } from './manifest.js';
export { applyExtensions, SPAM_RULE_ID, type AppliedResult } from './apply.js';
export { loadExtension, loadExtensions, formatExtensionProblem, MANIFEST_FILE } from './load.js';
