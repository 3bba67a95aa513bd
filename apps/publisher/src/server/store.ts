/**
 * The folder as storage: the list of reports, reading one with the version the editor sends back,
 * and saving atomically (temporary file in the same folder, flushed, renamed over the old one). A
 * save whose version is not the file's current one is a conflict, never an overwrite: the file was
 * changed on disk or in another tab, and the clerk chooses.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { formatProblem, parseReportSource, readReportFile } from '@nianbao/source';
import { validateOptionsFor, type ExtensionsByEdition } from '../shared/extensions.js';
import { validateReport } from '@nianbao/validator';
import { Document, parseDocument } from 'yaml';
import { REPORT_EXTENSIONS } from './paths.js';
import { keepLineSpacing, mergeIntoDocument } from './yaml-merge.js';

export type Lang = 'zh' | 'en';

export interface ReportEntry {
  name: string;
  /** Present when the reader accepted the file. */
  report?: {
    agency: string | null;
    year: number | null;
    edition: string | null;
    errors: number;
    warnings: number;
  };
  /** The reader's one-line reason when it refused the file (never opened for editing). */
  refused?: string;
}

export const versionOf = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

const isReportFile = (name: string) => REPORT_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension));

async function reportFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number) => {
    if (depth > 8) return;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      // <folder>/out holds what publishing wrote (report.json among it), not sources.
      if (entry.isDirectory() && !(dir === root && entry.name === 'out')) await walk(path, depth + 1);
      else if (entry.isFile() && isReportFile(entry.name)) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  await walk(root, 0);
  return found;
}

const str = (value: unknown) => (typeof value === 'string' ? value : null);

export async function listReports(
  root: string,
  lang: Lang,
  extensions: ExtensionsByEdition = {},
): Promise<ReportEntry[]> {
  const entries: ReportEntry[] = [];
  for (const name of await reportFiles(root)) {
    const read = await readReportFile(join(root, name));
    if (!read.ok) {
      entries.push({ name, refused: formatProblem(read.problem, { file: name, lang }) });
      continue;
    }
    const result = validateReport(read.document, validateOptionsFor(extensions, read.document));
    if (result.edition === undefined) {
      entries.push({ name, refused: `${name}: ${result.findings[0]?.message[lang] ?? 'not a report'}` });
      continue;
    }
    const metadata = (read.document as { metadata?: Record<string, unknown> }).metadata ?? {};
    const agency = (metadata.agency ?? {}) as Record<string, unknown>;
    entries.push({
      name,
      report: {
        agency: str(agency.name),
        year: typeof metadata.reportYear === 'number' ? metadata.reportYear : null,
        edition: result.edition,
        errors: result.findings.filter((finding) => finding.severity === 'error').length,
        warnings: result.findings.filter((finding) => finding.severity === 'warning').length,
      },
    });
  }
  return entries;
}

export type ReadResult =
  | { ok: true; document: unknown; version: string; format: 'yaml' | 'json' }
  | { ok: false; status: 404 | 422; reason: string };

export async function readReport(path: string, name: string, lang: Lang): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return { ok: false, status: 404, reason: lang === 'zh' ? `${name}：找不到该文件。` : `${name}: no such file.` };
  }
  const read = parseReportSource(bytes, name);
  if (!read.ok) return { ok: false, status: 422, reason: formatProblem(read.problem, { file: name, lang }) };
  return { ok: true, document: read.document, version: versionOf(bytes), format: read.format };
}

/** Writes `text` to `path` so that a reader sees the old file or the new one, never part of one. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.nianbao-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** The text of `document` for a file: merged into the existing YAML (comments kept), or fresh. */
export function serialize(document: unknown, existing: string | undefined, json: boolean): string {
  if (json) return `${JSON.stringify(document, null, 2)}\n`;
  const doc = existing !== undefined ? parseDocument(existing) : new Document();
  if (existing === undefined || doc.errors.length > 0) return new Document(document).toString({ lineWidth: 0 });
  mergeIntoDocument(doc, document, existing);
  return keepLineSpacing(existing, doc.toString({ lineWidth: 0 }));
}

export type SaveResult =
  | { ok: true; version: string }
  | { ok: false; status: 409; reason: string; current: { document: unknown; version: string } | null }
  | { ok: false; status: 422; reason: string };

/**
 * Saves `document` over the file whose version the editor had (`null`: a new file that must not exist
 * yet). Any other version on disk is a conflict.
 */
export async function saveReport(
  path: string,
  name: string,
  document: unknown,
  version: string | null,
  lang: Lang,
): Promise<SaveResult> {
  let existing: Uint8Array | undefined;
  try {
    existing = await readFile(path);
  } catch {
    existing = undefined;
  }
  const zh = lang === 'zh';
  if (existing !== undefined) {
    const read = parseReportSource(existing, name);
    if (!read.ok) return { ok: false, status: 422, reason: formatProblem(read.problem, { file: name, lang }) };
    const current = versionOf(existing);
    if (current !== version)
      return {
        ok: false,
        status: 409,
        reason: zh
          ? `${name}：文件在打开后已被修改（磁盘上或另一个窗口中）。`
          : `${name}: the file changed after it was opened (on disk or in another tab).`,
        current: { document: read.document, version: current },
      };
  } else if (version !== null) {
    return {
      ok: false,
      status: 409,
      reason: zh ? `${name}：文件在打开后已被删除。` : `${name}: the file was deleted after it was opened.`,
      current: null,
    };
  }
  const text = serialize(
    document,
    existing === undefined ? undefined : new TextDecoder().decode(existing),
    name.toLowerCase().endsWith('.json'),
  );
  await writeAtomically(path, text);
  return { ok: true, version: versionOf(text) };
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
