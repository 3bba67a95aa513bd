/** Reading an extension folder (Node): extension.json and the files it names, each checked. */
import { join } from 'node:path';
import { readReportFile, type SourceResult } from '@nianbao/source';
import { EDITIONS, rulesFor, schemaFor, type Edition, type RuleSet } from '@nianbao/template';
import { checkRuleSet } from '@nianbao/validator';
import { checkManifest } from './manifest.js';
import { checkPatch, MANIFEST_FILE_NAME } from './patch.js';
import type { Extension, ExtensionManifest, ExtensionProblem, LoadResult } from './types.js';

export const MANIFEST_FILE = MANIFEST_FILE_NAME;

type Located = { file: string; locate?: (pointer: string) => { line: number; column: number } | undefined };

function problemAt(where: Located, pointer: string, message: ExtensionProblem['message']): ExtensionProblem {
  const at = where.locate?.(pointer);
  return at
    ? { file: where.file, pointer, line: at.line, column: at.column, message }
    : { file: where.file, pointer, message };
}

async function readFile(
  file: string,
): Promise<{ ok: true; source: Extract<SourceResult, { ok: true }> } | { ok: false; problem: ExtensionProblem }> {
  const source = await readReportFile(file);
  if (source.ok) return { ok: true, source };
  const { problem } = source;
  const located: ExtensionProblem = { file, pointer: '', message: problem.message };
  if (problem.line !== undefined) located.line = problem.line;
  if (problem.column !== undefined) located.column = problem.column;
  return { ok: false, problem: located };
}

/** The editions a patch file applies to, by the manifest. */
function patchFiles(manifest: ExtensionManifest): [Edition, string][] {
  const patch = manifest.schemaPatch;
  if (patch === undefined) return [];
  if (typeof patch === 'string') return manifest.editions.map((edition) => [edition, patch]);
  return manifest.editions.flatMap((edition) =>
    patch[edition] ? [[edition, patch[edition]] as [Edition, string]] : [],
  );
}

/**
 * Loads and checks an extension folder. Refused (with every problem, each with its file and place):
 * a manifest that does not fit schemas/extension.schema.json, a patch that removes, retypes or relabels
 * an official field or adds an unlabelled one, a rule file that is not a valid rule set or reuses an
 * official rule id.
 */
export async function loadExtension(folder: string): Promise<LoadResult> {
  const manifestFile = join(folder, MANIFEST_FILE);
  const read = await readFile(manifestFile);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const where: Located = { file: manifestFile, locate: read.source.locate };
  const checked = checkManifest(read.source.document);
  if (!checked.manifest)
    return { ok: false, problems: checked.problems.map((p) => problemAt(where, p.pointer, p.message)) };
  const manifest = checked.manifest;
  const problems: ExtensionProblem[] = [];
  const extension: Extension = { folder, manifest, patches: {}, ruleSets: [] };

  for (const [edition, name] of patchFiles(manifest)) {
    const file = join(folder, name);
    const patchRead = await readFile(file);
    if (!patchRead.ok) {
      problems.push(patchRead.problem);
      continue;
    }
    const found = checkPatch(schemaFor(edition), patchRead.source.document);
    const located: Located = { file, locate: patchRead.source.locate };
    problems.push(...found.map((p) => problemAt(located, p.pointer, p.message)));
    if (found.length === 0)
      extension.patches[edition] = { file, patch: patchRead.source.document as Record<string, unknown> };
  }

  const officialIds = new Set(EDITIONS.flatMap((edition) => rulesFor(edition).rules.map((rule) => rule.id)));
  for (const [index, name] of (manifest.rules ?? []).entries()) {
    const file = join(folder, name);
    const rulesRead = await readFile(file);
    if (!rulesRead.ok) {
      problems.push(rulesRead.problem);
      continue;
    }
    const located: Located = { file, locate: rulesRead.source.locate };
    const found = checkRuleSet(rulesRead.source.document).filter((finding) => finding.severity === 'error');
    problems.push(...found.map((finding) => problemAt(located, finding.pointer, finding.message)));
    if (found.length > 0) continue;
    const ruleSet = rulesRead.source.document as RuleSet;
    if (ruleSet.edition !== undefined && !manifest.editions.includes(ruleSet.edition as Edition)) {
      problems.push(
        problemAt(where, `/rules/${index}`, {
          zh: `规则文件适用于${ruleSet.edition}年格式，但扩展只适用于 ${manifest.editions.join('、')}。`,
          en: `the rule file is for edition ${ruleSet.edition}, but the extension applies to ${manifest.editions.join(', ')}.`,
        }),
      );
    }
    ruleSet.rules.forEach((rule, ruleIndex) => {
      if (officialIds.has(rule.id))
        problems.push(
          problemAt(located, `/rules/${ruleIndex}/id`, {
            zh: `规则编号“${rule.id}”是官方规则的编号：请另取编号（改变官方规则的级别用 extension.json 的 severity）。`,
            en: `rule id "${rule.id}" is an official rule's: choose another (change an official rule's level with severity in extension.json).`,
          }),
        );
    });
    extension.ruleSets.push({ file, ruleSet });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, extension };
}

/** Loads several folders; refused when any is. */
export async function loadExtensions(
  folders: readonly string[],
): Promise<{ ok: true; extensions: Extension[] } | { ok: false; problems: ExtensionProblem[] }> {
  const extensions: Extension[] = [];
  const problems: ExtensionProblem[] = [];
  for (const folder of folders) {
    const result = await loadExtension(folder);
    if (result.ok) extensions.push(result.extension);
    else problems.push(...result.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, extensions };
}

/** One line for a person: `file:line:column: message`. */
export function formatExtensionProblem(problem: ExtensionProblem, lang: 'zh' | 'en' = 'zh'): string {
  const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  const pointer = problem.pointer === '' ? '' : ` (${problem.pointer})`;
  return `${place}${pointer}: ${problem.message[lang]}`;
}
