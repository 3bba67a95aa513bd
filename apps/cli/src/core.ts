/**
 * Everything the CLI takes from the libraries to read and check a report: @nianbao/source (with the
 * `yaml` package), @nianbao/validator (with zod) and @nianbao/template. The build bundles this module
 * and its dependencies into one CommonJS script, dist/core.cjs, which src/core-loader.ts loads with a
 * V8 code cache. Import it only through `loadCore()`, and only its types directly (`import type`):
 * a value import would put a second, uncached copy of these libraries into the CLI's own bundle.
 */
export { formatProblem, parseReportText, readReportFile } from '@nianbao/source';
export { checkRuleSet, validateReport } from '@nianbao/validator';
export { isEdition } from '@nianbao/template';
// For `nianbao import`, which writes YAML: the same copy of the package that reads it.
export { Document as YamlDocument, isScalar as isYamlScalar, visit as visitYaml } from 'yaml';
