/** Why a source file could not be read, with where (1-based line and column when known). */
import type { LocalizedText } from '@nianbao/template';

export type SourceProblemCode =
  /** The path does not exist. */
  | 'NOT_FOUND'
  /** The path is a directory, device or other non-regular file. */
  | 'NOT_A_FILE'
  /** The file exists but cannot be opened or read (permissions, I/O error). */
  | 'NOT_READABLE'
  /** Larger than the `maxBytes` limit. */
  | 'TOO_LARGE'
  /** No bytes, or only whitespace / comments. */
  | 'EMPTY'
  /** Binary data: a NUL byte or a known binary signature (PDF, ZIP/Office, image). */
  | 'NOT_TEXT'
  /** Not valid UTF-8 / UTF-16, or an unsupported encoding (UTF-32). */
  | 'BAD_ENCODING'
  /** JSON or YAML syntax error. */
  | 'SYNTAX'
  | 'DUPLICATE_KEY'
  /** A tab used as indentation in YAML. */
  | 'TAB_INDENT'
  | 'TOO_DEEP'
  /** More values than `maxValues` (after YAML aliases are expanded). */
  | 'TOO_MANY_VALUES'
  | 'STRING_TOO_LONG'
  | 'TOO_MANY_ALIASES'
  /** A number that would not read back as written (1e400, 9007199254740993, .nan). */
  | 'NUMBER_NOT_EXACT'
  /** A YAML stream with more than one document. */
  | 'MULTIPLE_DOCUMENTS'
  /** A YAML feature a report cannot use: custom tags, non-text keys, circular aliases. */
  | 'UNSUPPORTED_YAML';

/** One text in both languages: the type every nianbao package uses for what people read. */
export type { LocalizedText };
/** @deprecated Use `LocalizedText` (the same shape, shared by every package). */
export type LocalizedMessage = LocalizedText;

export interface SourceProblem {
  code: SourceProblemCode;
  /** One sentence naming the problem; the place is in `line` / `column` (and, for bytes, in the text). */
  message: LocalizedText;
  line?: number;
  column?: number;
}

export function problem(
  code: SourceProblemCode,
  zh: string,
  en: string,
  at?: { line: number; column?: number },
): SourceProblem {
  const result: SourceProblem = { code, message: { zh, en } };
  if (at) {
    result.line = at.line;
    if (at.column !== undefined) result.column = at.column;
  }
  return result;
}

/**
 * One line for a person: `file:line:column: message` (the parts that are known).
 * Use it for stderr output so every tool prints source problems the same way.
 */
export function formatProblem(p: SourceProblem, options: { file?: string; lang?: 'zh' | 'en' } = {}): string {
  const lang = options.lang ?? 'zh';
  let where = options.file ?? '';
  if (p.line !== undefined) {
    where += `${where ? ':' : ''}${p.line}`;
    if (p.column !== undefined) where += `:${p.column}`;
  }
  return (where ? `${where}: ` : '') + p.message[lang];
}
