/**
 * Writing an output file for `migrate`, `new` and `export`: atomically (a temporary file next to the
 * target, synced, then renamed, so nobody ever sees half a file), and YAML that a clerk can read —
 * every key followed by its official label as a comment, as in the bundled examples.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Lang } from './output.js';

/** Writes `data` to a temporary file next to `path`, then renames it into place. */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.nianbao-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** One line saying why a file could not be written. */
export function writeFailure(file: string, error: unknown, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const reason =
    code === 'ENOENT'
      ? { zh: '所在文件夹不存在。', en: 'its folder does not exist.' }
      : code === 'EACCES' || code === 'EPERM'
        ? { zh: '没有写入权限。', en: 'permission denied.' }
        : { zh: `无法写入（${code}）。`, en: `cannot write it (${code}).` };
  return `${file}: ${reason[lang]}`;
}

type YamlModule = typeof import('yaml');
type YamlNode = ReturnType<YamlModule['parseDocument']>['contents'];

const escapeSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * YAML of a report with the official label of every field as a comment (`edition: "2021"  # 格式版本`),
 * long lines unfolded, strings that look like numbers or dates quoted: the file reads back exactly.
 */
export async function reportYaml(document: unknown, header: string): Promise<string> {
  const yaml = await import('yaml');
  const { describePlace, isEdition, schemaFor } = await import('@nianbao/template');
  const edition = (document as { edition?: unknown }).edition;
  const doc = new yaml.Document(document);
  doc.commentBefore = header;
  if (isEdition(edition)) {
    const schema = schemaFor(edition);
    const titleOf = (pointer: string, depth: number) => {
      const path = describePlace(schema, pointer).path;
      return path.length > depth ? path[path.length - 1] : undefined;
    };
    annotate(yaml, doc.contents, '', 0, titleOf);
  }
  return doc.toString({ lineWidth: 0 });
}

function annotate(
  yaml: YamlModule,
  node: YamlNode,
  pointer: string,
  titled: number,
  titleOf: (pointer: string, depth: number) => string | undefined,
): void {
  if (!yaml.isMap(node)) return;
  for (const pair of node.items) {
    if (!yaml.isScalar(pair.key)) continue;
    const child = `${pointer}/${escapeSegment(String(pair.key.value))}`;
    const title = titleOf(child, titled);
    const value = pair.value as YamlNode;
    // Dates, phone numbers and codes stay strings for every YAML reader (YAML 1.1 ones read 2020-01-01 as a date).
    if (yaml.isScalar(value) && typeof value.value === 'string' && /^[\d\s+\-.:/()]+$/.test(value.value))
      value.type = 'QUOTE_DOUBLE';
    if (title !== undefined) {
      if (yaml.isScalar(value)) value.comment = ` ${title}`;
      else pair.key.comment = ` ${title}`;
    }
    // Paragraph lists are not annotated item by item: the text speaks for itself.
    annotate(yaml, value, child, title === undefined ? titled : titled + 1, titleOf);
  }
}
