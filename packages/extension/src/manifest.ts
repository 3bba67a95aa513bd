/**
 * The check of extension.json, by hand: the same constraints as schemas/extension.schema.json (the
 * tests hold the two together), with messages that say which field is wrong and how.
 */
import { EDITIONS, type LocalizedText } from '@nianbao/template';
import type { ExtensionManifest } from './types.js';

export interface ManifestProblem {
  pointer: string;
  message: LocalizedText;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const VERSION = /^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$/;
const RULE_ID = /^[A-Za-z][A-Za-z0-9-]*$/;
const KNOWN = new Set([
  '$schema',
  'name',
  'version',
  'title',
  'description',
  'editions',
  'schemaPatch',
  'rules',
  'severity',
  'spamWords',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A file named in the manifest must stay inside the extension folder. */
export const isInsideFile = (name: unknown): name is string =>
  typeof name === 'string' && name !== '' && !/^[/\\]/.test(name) && !/(^|[/\\])\.\.([/\\]|$)/.test(name);

export function checkManifest(value: unknown): { manifest?: ExtensionManifest; problems: ManifestProblem[] } {
  const problems: ManifestProblem[] = [];
  const add = (pointer: string, zh: string, en: string) => problems.push({ pointer, message: { zh, en } });
  if (!isObject(value)) {
    add('', 'extension.json 必须是一个 JSON 对象。', 'extension.json must be a JSON object.');
    return { problems };
  }
  for (const key of Object.keys(value))
    if (!KNOWN.has(key)) add(`/${key}`, `未知的字段“${key}”。`, `unknown field "${key}".`);
  if (typeof value.name !== 'string' || !NAME.test(value.name))
    add(
      '/name',
      'name 必须是小写字母、数字、. _ - 组成的标识，如 anhui-proactive。',
      'name must be a lower-case identifier (a-z 0-9 . _ -), e.g. anhui-proactive.',
    );
  if (typeof value.version !== 'string' || !VERSION.test(value.version))
    add('/version', 'version 必须是语义化版本号，如 1.0.0。', 'version must be a semantic version, e.g. 1.0.0.');
  for (const key of ['title', 'description'] as const)
    if (value[key] !== undefined && typeof value[key] !== 'string')
      add(`/${key}`, `${key} 必须是文本。`, `${key} must be text.`);
  const editions = value.editions;
  if (
    !Array.isArray(editions) ||
    editions.length === 0 ||
    !editions.every((edition) => (EDITIONS as readonly unknown[]).includes(edition)) ||
    new Set(editions).size !== editions.length
  ) {
    add(
      '/editions',
      `editions 必须列出适用的格式版本（${EDITIONS.join('、')}），不重复。`,
      `editions must list the editions it applies to (${EDITIONS.join(', ')}), each once.`,
    );
  }
  checkFiles(value, add);
  const severity = value.severity;
  if (severity !== undefined) {
    if (!isObject(severity))
      add('/severity', 'severity 必须是“规则编号: 级别”对象。', 'severity must map rule ids to levels.');
    else
      for (const [id, level] of Object.entries(severity)) {
        if (!RULE_ID.test(id) || !['error', 'warning', 'off'].includes(level as string))
          add(
            `/severity/${id}`,
            `“${id}”的级别必须是 error、warning 或 off。`,
            `the level of "${id}" must be error, warning or off.`,
          );
      }
  }
  const words = value.spamWords;
  if (
    words !== undefined &&
    (!Array.isArray(words) || !words.every((word) => typeof word === 'string' && word.length >= 2))
  )
    add(
      '/spamWords',
      'spamWords 必须是词语数组（每个至少两个字）。',
      'spamWords must be an array of words (two characters or more each).',
    );
  return problems.length > 0 ? { problems } : { manifest: value as unknown as ExtensionManifest, problems };
}

function checkFiles(value: Record<string, unknown>, add: (pointer: string, zh: string, en: string) => void): void {
  const badFile = (pointer: string) =>
    add(
      pointer,
      '文件名必须是扩展文件夹内的相对路径（不含 ..）。',
      'a file name must be a relative path inside the extension folder (no ..).',
    );
  const patch = value.schemaPatch;
  if (patch !== undefined && !isInsideFile(patch)) {
    if (!isObject(patch)) badFile('/schemaPatch');
    else
      for (const [edition, file] of Object.entries(patch)) {
        if (!(EDITIONS as readonly string[]).includes(edition))
          add(`/schemaPatch/${edition}`, `未知的格式版本“${edition}”。`, `unknown edition "${edition}".`);
        else if (!isInsideFile(file)) badFile(`/schemaPatch/${edition}`);
      }
  }
  const rules = value.rules;
  if (rules !== undefined) {
    if (!Array.isArray(rules))
      add('/rules', 'rules 必须是规则文件名数组。', 'rules must be an array of rule file names.');
    else rules.forEach((file, index) => !isInsideFile(file) && badFile(`/rules/${index}`));
  }
}
