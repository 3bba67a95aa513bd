import type { LocalizedText } from '@nianbao/template';
/**
 * Expands the inputs of `nianbao build`: files, folders (every .json/.yaml/.yml below them) and glob
 * patterns (`*`, `?`, `**`), for shells that do not expand them. Each input gets the relative path its
 * outputs go under, so reports with the same file name in different folders do not collide.
 *
 * Outputs are never read back as reports: the --out folder is skipped wherever it is (it may lie
 * inside the input folder), and so is any folder nianbao wrote (it holds `.nianbao-output` or a
 * `datapackage.json`), so `build reports --out reports/site` run twice gives the same result.
 * A local extension's folder (it holds `extension.json`) is skipped too: its JSON files are not reports.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, relative, resolve, sep } from 'node:path';

export interface ReportInput {
  path: string;
  /** Output folder relative to --out, e.g. `chizhou-rfb-2020` or `2023/anhui/chizhou-rfb`. */
  outputName: string;
}

const REPORT_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);
const isReportFile = (name: string) => REPORT_EXTENSIONS.has(extname(name).toLowerCase());
const withoutExtension = (path: string) => path.slice(0, path.length - extname(path).length);
const toPosix = (path: string) => path.split(sep).join('/');

/** The file `build` leaves at the top of its --out folder. */
export const OUTPUT_MARKER = '.nianbao-output';
/** A folder holding one of these is not a folder of reports: nianbao's outputs, or a local extension. */
const NOT_REPORTS = new Set([OUTPUT_MARKER, 'datapackage.json', 'extension.json']);

async function listReportFiles(dir: string, skip: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string) => {
    if (skip.has(resolve(current))) return;
    const entries = await readdir(current, { withFileTypes: true });
    if (entries.some((entry) => entry.isFile() && NOT_REPORTS.has(entry.name))) return;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && isReportFile(entry.name)) found.push(path);
    }
  };
  await walk(dir);
  return found;
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more folders
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export const hasGlob = (input: string) => /[*?]/.test(input);

export type ExpandResult = { ok: true; inputs: ReportInput[] } | { ok: false; reason: LocalizedText };

/** `skipFolders`: folders never searched for reports (the build's --out folder). */
export async function expandInputs(
  args: readonly string[],
  skipFolders: readonly string[] = [],
): Promise<ExpandResult> {
  const skip = new Set(skipFolders.map((folder) => resolve(folder)));
  const inputs: ReportInput[] = [];
  for (const arg of args) {
    if (hasGlob(arg)) {
      const pattern = toPosix(normalize(arg));
      const segments = pattern.split('/');
      const firstGlob = segments.findIndex(hasGlob);
      const root = segments.slice(0, firstGlob).join('/') || '.';
      const matcher = globToRegExp(pattern);
      let candidates: string[];
      try {
        candidates = await listReportFiles(root, skip);
      } catch {
        return {
          ok: false,
          reason: {
            zh: `无法读取通配符 ${arg} 所在的目录 ${root}`,
            en: `cannot read the folder ${root} of the pattern ${arg}`,
          },
        };
      }
      const matches = candidates.filter((path) => matcher.test(toPosix(normalize(path))));
      if (matches.length === 0)
        return { ok: false, reason: { zh: `没有与 ${arg} 匹配的报告文件`, en: `no report file matches ${arg}` } };
      for (const path of matches) inputs.push({ path, outputName: toPosix(withoutExtension(relative(root, path))) });
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(arg);
    } catch {
      return { ok: false, reason: { zh: `找不到 ${arg}`, en: `cannot find ${arg}` } };
    }
    if (info.isDirectory()) {
      const files = await listReportFiles(arg, skip);
      if (files.length === 0)
        return {
          ok: false,
          reason: {
            zh: `目录 ${arg} 中没有 .json、.yaml 或 .yml 报告文件`,
            en: `no .json, .yaml or .yml report in the folder ${arg}`,
          },
        };
      for (const path of files) inputs.push({ path, outputName: toPosix(withoutExtension(relative(arg, path))) });
    } else {
      inputs.push({ path: arg, outputName: withoutExtension(basename(arg)) });
    }
  }
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const other = seen.get(input.outputName);
    if (other !== undefined && resolve(other) !== resolve(input.path)) {
      return {
        ok: false,
        reason: {
          zh: `${other} 和 ${input.path} 会写入同一个目录 ${input.outputName}/，请重命名其中一个`,
          en: `${other} and ${input.path} would both write to ${input.outputName}/: rename one`,
        },
      };
    }
    seen.set(input.outputName, input.path);
  }
  const unique = inputs.filter(
    (input, index) => inputs.findIndex((other) => resolve(other.path) === resolve(input.path)) === index,
  );
  return { ok: true, inputs: unique };
}
