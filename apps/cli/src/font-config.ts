/**
 * The office's PDF fonts per role: `nianbao.config.json` found beside the reports (the report file's
 * folder, else the nearest folder above it that has one), and `--fonts role=file` (or `--fonts
 * <config.json>`), which replaces the config's font for the roles it names. Checked before any report
 * is rendered: a config that breaks its schema, or a font file that cannot be used (missing, WOFF, not a
 * font), is an error naming the file and the JSON Pointer of the value.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ConfigProblem, FontRoles } from '@nianbao/render-pdf/coverage';
import type { Lang } from './output.js';

export const CONFIG_FILE = 'nianbao.config.json';

export type FontRolesResult = { ok: true; fonts: FontRoles; files: string[] } | { ok: false; reason: string };

type Coverage = typeof import('@nianbao/render-pdf/coverage');

/** The nearest nianbao.config.json for a report: in its folder or a folder above. */
export function findConfig(reportPath: string): string | undefined {
  let folder = dirname(resolve(reportPath));
  for (;;) {
    const candidate = join(folder, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

const formatProblems = (problems: readonly ConfigProblem[], lang: Lang) =>
  problems
    .map((problem) => `${problem.file}${problem.pointer ? ` ${problem.pointer}` : ''}: ${problem.message[lang]}`)
    .join('; ');

/** Line and column of a JSON.parse error position, for the message. */
function jsonSyntaxProblem(file: string, text: string, error: Error, lang: Lang): string {
  const at = /position (\d+)/.exec(error.message);
  let where = file;
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    where = `${file}:${line}:${before.length - before.lastIndexOf('\n')}`;
  }
  return lang === 'zh'
    ? `${where}: 不是有效的 JSON（${error.message}）`
    : `${where}: not valid JSON (${error.message})`;
}

function readConfig(
  coverage: Coverage,
  file: string,
  lang: Lang,
): { ok: true; fonts: FontRoles } | { ok: false; reason: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, reason: `${file}: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, reason: jsonSyntaxProblem(file, text, error as Error, lang) };
  }
  const parsed = coverage.parseFontConfig(json, file, dirname(file));
  return parsed.ok ? parsed : { ok: false, reason: formatProblems(parsed.problems, lang) };
}

/** `--fonts` values: role=file pairs, or a config file (ending in .json). */
function readOption(coverage: Coverage, values: readonly string[], lang: Lang) {
  let fonts: FontRoles = {};
  const pairs: string[] = [];
  for (const value of values) {
    if (!value.trim().toLowerCase().endsWith('.json')) {
      pairs.push(value);
      continue;
    }
    const read = readConfig(coverage, resolve(value.trim()), lang);
    if (!read.ok) return read;
    fonts = { ...fonts, ...read.fonts };
  }
  const parsed = coverage.parseFontOption(pairs, process.cwd());
  if (!parsed.ok) return { ok: false as const, reason: formatProblems(parsed.problems, lang) };
  return { ok: true as const, fonts: { ...fonts, ...parsed.fonts } };
}

/**
 * The fonts for one report: its config's, then --fonts. Every font file is opened once here, so that
 * a file that cannot be used stops the report with its reason. `{}` (the open defaults) without either.
 */
export async function fontRolesFor(
  reportPath: string | undefined,
  option: readonly string[],
  lang: Lang,
): Promise<FontRolesResult> {
  const config = reportPath === undefined ? undefined : findConfig(reportPath);
  if (config === undefined && option.length === 0) return { ok: true, fonts: {}, files: [] };
  const coverage: Coverage = await import('@nianbao/render-pdf/coverage');
  let fonts: FontRoles = {};
  const where: Partial<Record<keyof FontRoles, string>> = {};
  if (config !== undefined) {
    const read = readConfig(coverage, config, lang);
    if (!read.ok) return read;
    fonts = read.fonts;
    for (const role of Object.keys(fonts) as (keyof FontRoles)[]) where[role] = `${config} /fonts/${role}`;
  }
  if (option.length > 0) {
    const read = readOption(coverage, option, lang);
    if (!read.ok) return read;
    for (const role of Object.keys(read.fonts) as (keyof FontRoles)[]) where[role] = `--fonts ${role}`;
    fonts = { ...fonts, ...read.fonts };
  }
  const opened = coverage.openRoleFonts(fonts);
  if (!opened.ok)
    return {
      ok: false,
      // One line, like every exit-2 reason of the CLI.
      reason: opened.problems
        .map((problem) => `${where[problem.role] ?? problem.role}: ${problem.message[lang]}`)
        .join('; '),
    };
  return { ok: true, fonts, files: config ? [config] : [] };
}
