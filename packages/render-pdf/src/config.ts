/**
 * The font of each 公文 role, as an office names it in `nianbao.config.json` (or `--fonts`): its own
 * 小标宋 for the title, 仿宋 for the body, 黑体 for 一、 headings, 楷体 for （一） headings. Checked with a
 * schema (zod) so that a mistyped key or a wrong value is an error at its JSON Pointer, not a silently
 * ignored setting. Relative font paths are relative to the config file's folder.
 */
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

/** The roles, in the order a reader meets them. */
export const FONT_ROLES = ['title', 'body', 'heading1', 'heading2'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

/** What each role sets (for messages and the README). */
export const ROLE_NAMES: Record<FontRole, { zh: string; en: string }> = {
  title: { zh: '标题（小标宋）', en: 'title (小标宋)' },
  body: { zh: '正文（仿宋）', en: 'body (仿宋)' },
  heading1: { zh: '一级标题“一、”（黑体）', en: '一、 headings (黑体)' },
  heading2: { zh: '二级标题“（一）”（楷体）', en: '（一） headings (楷体)' },
};

/** A font file; `face` picks one font of a TrueType/OpenType collection (.ttc) by PostScript name. */
export interface FontFace {
  file: string;
  face?: string;
}
export type FontSpec = string | FontFace;
export type FontRoles = Partial<Record<FontRole, FontSpec>>;

const fontSpec = z.union([
  z.string().min(1),
  z.strictObject({ file: z.string().min(1), face: z.string().min(1).optional() }),
]);

/** The schema of `nianbao.config.json` (only `fonts` for now; `$schema` allowed for editors). */
export const fontConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  fonts: z
    .strictObject({
      title: fontSpec.optional(),
      body: fontSpec.optional(),
      heading1: fontSpec.optional(),
      heading2: fontSpec.optional(),
    })
    .optional(),
});

/** A problem of a config: its file, the JSON Pointer of the value, and what is wrong. */
export interface ConfigProblem {
  file: string;
  pointer: string;
  message: { zh: string; en: string };
}

export type ConfigResult = { ok: true; fonts: FontRoles } | { ok: false; problems: ConfigProblem[] };

const pointerOf = (path: readonly PropertyKey[]) =>
  path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

function describe(issue: z.core.$ZodIssue): { zh: string; en: string } {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return {
      zh: `未知的键 ${keys}（字体角色只有 ${FONT_ROLES.join('、')}）`,
      en: `unknown key ${keys} (the font roles are ${FONT_ROLES.join(', ')})`,
    };
  }
  return {
    zh: `应为字体文件路径（字符串）或 {"file": 路径, "face": PostScript 名称}：${issue.message}`,
    en: `expected a font file path (string) or {"file": path, "face": PostScript name}: ${issue.message}`,
  };
}

/** Checks a parsed config; font paths come back absolute (relative ones from `file`'s folder). */
export function parseFontConfig(json: unknown, file: string, baseDir: string): ConfigResult {
  const parsed = fontConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      // An unknown key is reported at the key itself, a bad value at the value.
      const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
      return { file, pointer: pointerOf(at), message: describe(issue) };
    });
    return { ok: false, problems };
  }
  const fonts: FontRoles = {};
  for (const role of FONT_ROLES) {
    const spec = parsed.data.fonts?.[role];
    if (spec === undefined) continue;
    const face = typeof spec === 'string' ? { file: spec } : spec;
    fonts[role] = { ...face, file: isAbsolute(face.file) ? face.file : resolve(baseDir, face.file) };
  }
  return { ok: true, fonts };
}

/** `role=path` (from `--fonts`), several separated by commas or given one per option. */
export function parseFontOption(values: readonly string[], cwd: string): ConfigResult {
  const fonts: FontRoles = {};
  const problems: ConfigProblem[] = [];
  for (const value of values) {
    for (const part of value.split(',').filter((item) => item.trim() !== '')) {
      const at = part.indexOf('=');
      const role = at > 0 ? part.slice(0, at).trim() : '';
      const path = at > 0 ? part.slice(at + 1).trim() : '';
      if (!(FONT_ROLES as readonly string[]).includes(role) || path === '') {
        problems.push({
          file: '--fonts',
          pointer: `/${role || part}`,
          message: {
            zh: `应为 角色=字体文件（角色：${FONT_ROLES.join('、')}），不是 ${JSON.stringify(part)}`,
            en: `expected role=font-file (roles: ${FONT_ROLES.join(', ')}), not ${JSON.stringify(part)}`,
          },
        });
        continue;
      }
      fonts[role as FontRole] = { file: resolve(cwd, path) };
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, fonts };
}
