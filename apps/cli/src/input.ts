/** Reading a source file (a report, last year's report, a rules file) for any command. */
import { loadCore } from './core-loader.js';
import { fail, type CommandContext, type LocalizedText, type Locator } from './output.js';

export interface LoadedSource {
  document: unknown;
  format: 'json' | 'yaml';
  locate: Locator;
}

export type ReadOutcome = { ok: true; source: LoadedSource } | { ok: false; exitCode: number };

/**
 * Reads and parses `path` with @nianbao/source. On failure prints one line —
 * `file:line:col: [role：]reason` — and returns the FAILURE exit code for the command to return.
 */
export async function readSource(
  ctx: CommandContext,
  path: string,
  options: { command?: string; role?: LocalizedText } = {},
): Promise<ReadOutcome> {
  const { readReportFile, formatProblem } = loadCore();
  const result = await readReportFile(path);
  if (result.ok)
    return { ok: true, source: { document: result.document, format: result.format, locate: result.locate } };
  const role = options.role;
  const problem = role
    ? {
        ...result.problem,
        message: { zh: `${role.zh}：${result.problem.message.zh}`, en: `${role.en}: ${result.problem.message.en}` },
      }
    : result.problem;
  return { ok: false, exitCode: fail(ctx, formatProblem(problem, { file: path, lang: ctx.lang }), options.command) };
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
