/**
 * What a set of loaded extensions gives one edition: the patched schema, the extra rule sets (with the
 * spam words as a rule), the severity overrides. No file access: usable in a browser bundle.
 */
import { rulesFor, schemaFor, type Edition, type JsonSchema, type RuleSet } from '@nianbao/template';
import { zodFromJsonSchema } from '@nianbao/validator';
import { MANIFEST_FILE_NAME, mergePatch } from './patch.js';
import type { AppliedExtensions, Extension, ExtensionProblem, SeverityOverride } from './types.js';

export const SPAM_RULE_ID = 'I-SPAM-LOCAL';

const join = (folder: string, name: string) => (folder.endsWith('/') ? folder + name : `${folder}/${name}`);

/** The I-SPAM rule of the edition with the extensions' words instead of the national list. */
function spamRuleSet(edition: Edition, words: string[]): RuleSet {
  const official = rulesFor(edition).rules.find((rule) => rule.id === 'I-SPAM');
  const check = official?.checks[0] as { at?: string[] } | undefined;
  return {
    edition,
    description: 'Spam words of local extensions',
    rules: [
      {
        id: SPAM_RULE_ID,
        severity: official?.severity ?? 'warning',
        title: {
          zh: '正文含有本地扩展列出的垃圾词语',
          en: 'The text contains a spam word listed by a local extension',
        },
        message: official?.message ?? {
          zh: '{paragraph}含有疑似植入的垃圾词语“{word}”。',
          en: '{paragraph} contains "{word}", a spam word.',
        },
        checks: [{ type: 'forbiddenText', at: check?.at ?? ['/preface', '/sections'], words }],
      },
    ],
  } as RuleSet;
}

const officialConversion = new Map<Edition, boolean>();
function officialConverts(edition: Edition): boolean {
  let converts = officialConversion.get(edition);
  if (converts === undefined) {
    try {
      zodFromJsonSchema(schemaFor(edition));
      converts = true;
    } catch {
      converts = false;
    }
    officialConversion.set(edition, converts);
  }
  return converts;
}

const cache = new WeakMap<readonly Extension[], Map<Edition, AppliedResult>>();
export type AppliedResult = { ok: true; applied: AppliedExtensions } | { ok: false; problems: ExtensionProblem[] };

/**
 * Applies the extensions that list `edition` (in the given order, later ones winning). Refused when the
 * patched schema cannot be used (an added field the validator does not support, a $ref to nothing) or a
 * severity override names a rule that does not exist. The result is cached per array and edition.
 */
export function applyExtensions(edition: Edition, extensions: readonly Extension[]): AppliedResult {
  let byEdition = cache.get(extensions);
  if (!byEdition) {
    byEdition = new Map();
    cache.set(extensions, byEdition);
  }
  let result = byEdition.get(edition);
  if (!result) {
    result = compute(edition, extensions);
    byEdition.set(edition, result);
  }
  return result;
}

function compute(edition: Edition, extensions: readonly Extension[]): AppliedResult {
  const official = schemaFor(edition);
  const problems: ExtensionProblem[] = [];
  let schema: JsonSchema = official;
  const extraRules: RuleSet[] = [];
  const severity: Record<string, SeverityOverride> = {};
  const words: string[] = [];
  const applying = extensions.filter((extension) => extension.manifest.editions.includes(edition));
  for (const extension of applying) {
    const patch = extension.patches[edition];
    if (patch) {
      const next = mergePatch(schema, patch.patch) as JsonSchema;
      try {
        // Only what the patch adds is judged: were the official schema itself not convertible (a
        // keyword the converter does not know yet), that is not the extension's fault.
        if (officialConverts(edition)) zodFromJsonSchema(next);
        schema = next;
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        problems.push({
          file: patch.file,
          pointer: '',
          message: { zh: `打补丁后的模式无法使用：${reason}`, en: `the patched schema cannot be used: ${reason}` },
        });
      }
    }
    for (const { ruleSet } of extension.ruleSets)
      if (ruleSet.edition === undefined || ruleSet.edition === edition) extraRules.push(ruleSet);
    Object.assign(severity, extension.manifest.severity ?? {});
    words.push(...(extension.manifest.spamWords ?? []));
  }
  if (words.length > 0) extraRules.push(spamRuleSet(edition, [...new Set(words)]));
  const known = new Set([
    'schema',
    ...[rulesFor(edition), ...extraRules].flatMap((set) => set.rules.map((rule) => rule.id)),
  ]);
  for (const extension of applying) {
    for (const id of Object.keys(extension.manifest.severity ?? {})) {
      if (known.has(id)) continue;
      problems.push({
        file: join(extension.folder, MANIFEST_FILE_NAME),
        pointer: `/severity/${id}`,
        message: {
          zh: `没有编号为“${id}”的规则（${edition}年格式）。`,
          en: `there is no rule "${id}" (edition ${edition}).`,
        },
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const applied = applying.map((extension) => ({ name: extension.manifest.name, version: extension.manifest.version }));
  return { ok: true, applied: { edition, schema, extraRules, severity, applied } };
}
