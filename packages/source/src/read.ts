import { open, stat } from 'node:fs/promises';
import { decodeText, type TextEncodingName } from './decode.js';
import { scanJson } from './json.js';
import { describeBytes, resolveLimits, type SourceLimits } from './limits.js';
import { LineIndex } from './lines.js';
import { problem, type SourceProblem } from './problem.js';
import { parseYaml, type Locate } from './yaml.js';

export type SourceFormat = 'json' | 'yaml';

export type SourceResult =
  | {
      ok: true;
      /** The parsed document, not yet validated: any JSON value. */
      document: unknown;
      format: SourceFormat;
      encoding: TextEncodingName;
      /**
       * 1-based line and column of the value at a JSON Pointer (RFC 6901). A pointer that does
       * not exist gives its nearest existing ancestor; an invalid pointer gives undefined.
       */
      locate: Locate;
    }
  | { ok: false; problem: SourceProblem };

const tooLarge = (size: number, limit: number) =>
  problem(
    'TOO_LARGE',
    `文件大小 ${describeBytes(size)}，超过上限 ${describeBytes(limit)}。`,
    `The file is ${describeBytes(size)}, larger than the limit of ${describeBytes(limit)}.`,
  );

/** Reads and parses a report source file. Never throws: every failure is a problem with a reason. */
export async function readReportFile(path: string, limits?: Partial<SourceLimits>): Promise<SourceResult> {
  const bounds = resolveLimits(limits);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      return info.isDirectory()
        ? fail(problem('NOT_A_FILE', '这是一个目录，不是文件。', 'This is a directory, not a file.'))
        : fail(
            problem(
              'NOT_A_FILE',
              '这不是普通文件（设备、管道或套接字）。',
              'This is not a regular file (a device, pipe or socket).',
            ),
          );
    }
    size = info.size;
  } catch (error) {
    return fail(ioProblem(error));
  }
  // Refuse before reading: a 200 MB file must not be loaded just to be rejected.
  if (size > bounds.maxBytes) return fail(tooLarge(size, bounds.maxBytes));

  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const handle = await open(path, 'r');
    try {
      // Read in chunks up to the limit, since the file may grow between stat and read.
      for (;;) {
        const chunk = new Uint8Array(Math.min(1024 * 1024, bounds.maxBytes + 1 - total));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        if (total > bounds.maxBytes) return fail(tooLarge(total, bounds.maxBytes));
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    return fail(ioProblem(error));
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return parseReportSource(bytes, path, bounds);
}

/**
 * Parses report source bytes. `name` (a file name or path) chooses the format by extension:
 * .json → JSON, .yaml/.yml → YAML; anything else is sniffed (starts with { or [ → JSON).
 */
export function parseReportSource(bytes: Uint8Array, name: string, limits?: Partial<SourceLimits>): SourceResult {
  const bounds = resolveLimits(limits);
  if (bytes.length > bounds.maxBytes) return fail(tooLarge(bytes.length, bounds.maxBytes));
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  return parseText(decoded.text, name, bounds, decoded.encoding);
}

/** Parses report source text that is already decoded (an editor buffer, a test). */
export function parseReportText(text: string, name: string, limits?: Partial<SourceLimits>): SourceResult {
  const bounds = resolveLimits(limits);
  if (text.trim() === '')
    return fail(problem('EMPTY', '文件没有内容（只有空白）。', 'The file has no content (only whitespace).'));
  return parseText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, name, bounds, 'utf-8');
}

export function detectFormat(name: string, text: string): SourceFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

function parseText(text: string, name: string, limits: SourceLimits, encoding: TextEncodingName): SourceResult {
  const format = detectFormat(name, text);
  if (format === 'yaml') {
    const result = parseYaml(text, limits);
    if (!result.ok) return result;
    return { ok: true, document: result.document, format, encoding, locate: result.locate };
  }
  const lines = new LineIndex(text);
  const bad = scanJson(text, limits, lines);
  if (bad) return fail(bad);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    // The scanner accepts only what JSON.parse accepts; this is a safety net.
    const reason = error instanceof Error ? error.message : String(error);
    return fail(problem('SYNTAX', `JSON 语法错误：${reason}`, `JSON syntax error: ${reason}`));
  }
  return { ok: true, document, format, encoding, locate: jsonLocator(text, limits, lines) };
}

/** Locating in JSON rescans the text once, on first use, and remembers where every value starts. */
function jsonLocator(text: string, limits: SourceLimits, lines: LineIndex): Locate {
  let index: Map<string, number> | undefined;
  return (pointer) => {
    if (pointer !== '' && !pointer.startsWith('/')) return undefined;
    if (!index) {
      const built = new Map<string, number>();
      scanJson(text, limits, lines, (path, offset) => {
        let key = '';
        for (const segment of path) key += `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
        built.set(key, offset);
      });
      index = built;
    }
    let probe = pointer;
    for (;;) {
      const offset = index.get(probe);
      if (offset !== undefined) return lines.position(offset);
      if (probe === '') return undefined;
      probe = probe.slice(0, probe.lastIndexOf('/'));
    }
  };
}

function fail(p: SourceProblem): SourceResult {
  return { ok: false, problem: p };
}

function ioProblem(error: unknown): SourceProblem {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return problem('NOT_FOUND', '文件不存在。', 'No such file.');
    case 'EISDIR':
      return problem('NOT_A_FILE', '这是一个目录，不是文件。', 'This is a directory, not a file.');
    case 'EACCES':
    case 'EPERM':
      return problem('NOT_READABLE', '没有读取该文件的权限。', 'Permission denied: the file cannot be read.');
    default: {
      const detail = code ?? (error instanceof Error ? error.message : String(error));
      return problem('NOT_READABLE', `无法读取文件（${detail}）。`, `The file cannot be read (${detail}).`);
    }
  }
}
