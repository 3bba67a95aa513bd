/**
 * The folder is the storage, and nothing outside it is reachable: a report name from a request is a
 * relative path of plain segments (no `..`, no hidden names, no drive letters or backslashes, after
 * any percent-decoding the transport did), ending in .yaml, .yml or .json, and it must still be inside
 * the folder once symbolic links are resolved.
 */
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export const REPORT_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

export type NameCheck = { ok: true; path: string; name: string } | { ok: false; reason: { zh: string; en: string } };

const refuse = (zh: string, en: string): NameCheck => ({ ok: false, reason: { zh, en } });

function plainName(name: string): string | undefined {
  // A second decoding pass: %2e%2e that reached us once-encoded must not become .. later.
  let decoded = name;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(decoded); i++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return undefined;
    }
  }
  if (decoded === '' || decoded.length > 500 || /[\u0000-\u001f\\:*?"<>|]/.test(decoded)) return undefined;
  if (isAbsolute(decoded) || decoded.startsWith('/')) return undefined;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.startsWith('.')))
    return undefined;
  return segments.join('/');
}

/** Resolves a report name inside `root` (an absolute, real path). */
export async function resolveReportName(root: string, name: unknown): Promise<NameCheck> {
  if (typeof name !== 'string') return refuse('缺少报告文件名。', 'The report file name is missing.');
  const plain = plainName(name);
  if (plain === undefined)
    return refuse(
      `文件名 ${JSON.stringify(name)} 不是该目录中的报告文件名。`,
      `${JSON.stringify(name)} is not the name of a report file in the folder.`,
    );
  if (!REPORT_EXTENSIONS.some((extension) => plain.toLowerCase().endsWith(extension)))
    return refuse('报告文件名应以 .yaml、.yml 或 .json 结尾。', 'A report file name ends in .yaml, .yml or .json.');
  const path = resolve(root, plain);
  if (!inside(root, path)) return refuse('路径在目录之外。', 'The path is outside the folder.');
  // Symbolic links: the real place of the file (or of its folder, for a new file) must be inside too.
  for (const [candidate, isFolder] of [
    [path, false],
    [dirname(path), true],
  ] as const) {
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      continue;
    }
    if (!(inside(root, real) || (isFolder && real === root)))
      return refuse('路径在目录之外。', 'The path is outside the folder.');
    break;
  }
  return { ok: true, path, name: plain };
}

export function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** The output folder of a report: <root>/out/<name without extension>/. */
export function outputFolder(root: string, name: string): string {
  return join(root, 'out', name.replace(/\.(ya?ml|json)$/i, ''));
}
