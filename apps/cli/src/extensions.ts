/**
 * `--extension <folder>` (validate, build): local extensions loaded with @nianbao/extension, imported
 * only when the option is given (the CLI's start-up stays as fast without it). Loaded once per folder
 * list and thread: a batch build's workers each load them once.
 */
import type { AppliedExtensions, Extension, ExtensionProblem } from '@nianbao/extension';
import type { Edition } from '@nianbao/template';
import type { Lang, LocalizedText } from './output.js';

export const EXTENSION_HELP: LocalizedText = {
  zh: '  --extension <目录>   本地扩展（含 extension.json 的目录：新增字段、规则、级别调整、垃圾词），可重复\n',
  en: '  --extension <folder> a local extension (a folder with extension.json: added fields, rules,\n                       severity overrides, spam words); may be repeated\n',
};

export type LoadedExtensions = { ok: true; extensions: Extension[] } | { ok: false; reason: string };

const loaded = new Map<string, Promise<LoadedExtensions>>();

/** One line for the first problem, with the count of the others. */
function reasonOf(
  problems: readonly ExtensionProblem[],
  lang: Lang,
  format: (p: ExtensionProblem, lang: Lang) => string,
): string {
  const more = problems.length - 1;
  const tail = more === 0 ? '' : lang === 'zh' ? `（另有 ${more} 个问题）` : ` (and ${more} more)`;
  const label = lang === 'zh' ? '本地扩展：' : 'local extension: ';
  return `${format(problems[0]!, lang).replace(/: /, `: ${label}`)}${tail}`;
}

export function loadCliExtensions(folders: readonly string[], lang: Lang): Promise<LoadedExtensions> {
  const key = `${lang}\u0000${folders.join('\u0000')}`;
  let result = loaded.get(key);
  if (!result) {
    result = (async (): Promise<LoadedExtensions> => {
      const { loadExtensions, formatExtensionProblem } = await import('@nianbao/extension');
      const outcome = await loadExtensions(folders);
      return outcome.ok ? outcome : { ok: false, reason: reasonOf(outcome.problems, lang, formatExtensionProblem) };
    })();
    loaded.set(key, result);
  }
  return result;
}

/** What the extensions give a report of `edition`, or the reason they cannot be applied. */
export async function applyCliExtensions(
  extensions: readonly Extension[],
  edition: Edition,
  lang: Lang,
): Promise<{ ok: true; applied: AppliedExtensions } | { ok: false; reason: string }> {
  const { applyExtensions, formatExtensionProblem } = await import('@nianbao/extension');
  const result = applyExtensions(edition, extensions);
  return result.ok ? result : { ok: false, reason: reasonOf(result.problems, lang, formatExtensionProblem) };
}
