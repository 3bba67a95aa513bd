/**
 * Shared output helpers for every command: language, colour, exit codes, the one-line failure
 * format, and how findings are printed (text blocks or a JSON array).
 */

import type { LocalizedText } from '@nianbao/template';

export type Lang = 'zh' | 'en';
export type { LocalizedText };

/** Exit codes of every command. */
export const EXIT = {
  /** Done; no errors (warnings may have been printed). */
  OK: 0,
  /** The input has errors (findings of severity error, or a failed build). */
  FINDINGS: 1,
  /** Could not do the job: unreadable input, not a report, bad arguments or rules file, internal error. */
  FAILURE: 2,
} as const;

/** Where a command writes. `color` is decided once, for that stream. */
export interface Output {
  write(text: string): void;
  color: boolean;
}

export interface CommandContext {
  /** The command's own arguments (after its name). */
  argv: string[];
  /** Chosen with --lang (default zh). */
  lang: Lang;
  stdout: Output;
  stderr: Output;
  cwd: string;
  env: Record<string, string | undefined>;
  /** `nianbao` version, for outputs that record it. */
  version: string;
}

export function t(lang: Lang, text: LocalizedText): string {
  return text[lang];
}

/**
 * Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb;
 * FORCE_COLOR (not "0") turns it on anywhere.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

const sgr = (open: number, close: number) => (on: boolean, text: string) =>
  on ? `\u001b[${open}m${text}\u001b[${close}m` : text;
export const paint = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
};

/** `file:line:column` with the parts that are known. */
export function location(file: string, at?: { line?: number; column?: number }): string {
  if (at?.line === undefined) return file;
  return at.column === undefined ? `${file}:${at.line}` : `${file}:${at.line}:${at.column}`;
}

/**
 * Prints a failure as one line on stderr and returns the FAILURE exit code. A reason that starts
 * with a file location is printed as is (editors jump to it); others get a `nianbao <command>:` prefix.
 */
export function fail(ctx: CommandContext, reason: string, command?: string): number {
  const oneLine = reason.replace(/\s*\n\s*/g, ' ').trim();
  const located = /^[^\s:]+:\d+(:\d+)?: /.test(oneLine);
  ctx.stderr.write(`${located ? '' : `nianbao${command ? ` ${command}` : ''}: `}${oneLine}\n`);
  return EXIT.FAILURE;
}

/** A usage error: the reason and where to read the usage, on one line. */
export function usageError(ctx: CommandContext, reason: LocalizedText, command?: string): number {
  const help = command ? `nianbao ${command} --help` : 'nianbao --help';
  return fail(ctx, ctx.lang === 'zh' ? `${reason.zh}（用法见 ${help}）` : `${reason.en} (see ${help})`, command);
}

// ---------------------------------------------------------------------------------------------
// Findings

export type Severity = 'error' | 'warning' | 'info';

/** The fields of a validator finding the CLI prints. */
export interface PrintableFinding {
  ruleId: string;
  severity: Severity;
  pointer: string;
  message: LocalizedText;
}

export type Locator = (pointer: string) => { line: number; column: number } | undefined;

const SEVERITY_COLOR: Record<Severity, (on: boolean, text: string) => string> = {
  error: (on, text) => paint.bold(on, paint.red(on, text)),
  warning: paint.yellow,
  info: paint.cyan,
};

/** One block: `file:line:col  severity  RULE-ID  /pointer`, then the message, indented. */
export function formatFinding(
  finding: PrintableFinding,
  file: string,
  locate: Locator,
  lang: Lang,
  color: boolean,
): string {
  const where = location(file, locate(finding.pointer));
  const head = [
    where,
    SEVERITY_COLOR[finding.severity](color, finding.severity),
    paint.bold(color, finding.ruleId),
    paint.dim(color, shorten(finding.pointer === '' ? '/' : finding.pointer, MAX_POINTER)),
  ].join('  ');
  const message = shortenQuoted(finding.message[lang].replace(/\s*\n\s*/g, ' '));
  return `${head}\n  ${shorten(message, MAX_MESSAGE)}\n`;
}

/** Findings printed for people; past this many, a line says how many more there are. */
export const MAX_PRINTED_FINDINGS = 200;
const MAX_POINTER = 120;
const MAX_QUOTED = 60;
const MAX_MESSAGE = 600;

/** A long text cut in its middle, so both ends stay readable. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 1) / 2);
  return `${text.slice(0, half)}…${text.slice(text.length - half)}`;
}

/** Keys and values the message echoes (in “”, "" or 「」) cut to a readable length. */
function shortenQuoted(message: string): string {
  return message.replace(/(“|"|「)([^”"」]{61,})(”|"|」)/g, (_all, open: string, inner: string, close: string) => {
    return `${open}${inner.slice(0, MAX_QUOTED)}…${close}`;
  });
}

/**
 * Writes the findings for people (already in the order to print): the first
 * MAX_PRINTED_FINDINGS of them, then one line with how many more there are (`--format json`
 * has them all).
 */
export function writeFindings(
  write: (text: string) => void,
  findings: readonly PrintableFinding[],
  file: string,
  locate: Locator,
  lang: Lang,
  color: boolean,
): void {
  const shown = findings.slice(0, MAX_PRINTED_FINDINGS);
  for (const finding of shown) write(`${formatFinding(finding, file, locate, lang, color)}\n`);
  const more = findings.length - shown.length;
  if (more > 0) {
    write(
      lang === 'zh'
        ? `……另有 ${more} 条未列出（--format json 列出全部）。\n\n`
        : `… and ${more} more not listed (--format json lists them all).\n\n`,
    );
  }
}

export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** `file: 1 个错误，7 个警告（2019年格式）` / `file: 1 error, 7 warnings (edition 2019)`. */
export function summaryLine(
  file: string,
  counts: Record<Severity, number>,
  lang: Lang,
  color: boolean,
  edition?: string,
): string {
  let text: string;
  if (lang === 'zh') {
    text = `${counts.error} 个错误，${counts.warning} 个警告${counts.info ? `，${counts.info} 条提示` : ''}${edition ? `（${edition}年格式）` : ''}`;
  } else {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    text = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}${counts.info ? `, ${plural(counts.info, 'note')}` : ''}${edition ? ` (edition ${edition})` : ''}`;
  }
  const colored = counts.error
    ? paint.red(color, text)
    : counts.warning
      ? paint.yellow(color, text)
      : paint.green(color, text);
  return `${file}${lang === 'zh' ? '：' : ': '}${paint.bold(color, colored)}\n`;
}

/**
 * The findings as machines want them: every field of the validator's finding, plus
 * `location: { line, column }` in the source file when known. (Not flat `line`/`column`: a
 * finding's `column` already holds the official column labels of a table cell.)
 */
export function findingsAsJson<F extends { pointer: string }>(findings: readonly F[], locate: Locator): string {
  const located = findings.map((finding) => {
    const at = locate(finding.pointer);
    const { ruleId, severity, pointer, ...rest } = finding as F & { ruleId?: string; severity?: string };
    return { ruleId, severity, pointer, ...(at ? { location: { line: at.line, column: at.column } } : {}), ...rest };
  });
  return `${JSON.stringify(located, null, 2)}\n`;
}
