/**
 * `nianbao import <workbook.xlsx> [--out report.yaml|report.json]`: the .xlsx branch of `import`
 * (src/commands/import.ts sends workbooks here). Reads a workbook made by `nianbao new` or `nianbao
 * export` back by its labels (@nianbao/xlsx), writes the source file, and prints every finding with
 * the sheet and cell it came from (表三!D12) besides the JSON Pointer.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { COMMON_OPTIONS, parseCommandArgs } from '../args.js';
import { loadCore } from '../core-loader.js';
import {
  countBySeverity,
  EXIT,
  fail,
  formatFinding,
  paint,
  summaryLine,
  usageError,
  type CommandContext,
} from '../output.js';
import { reportYaml, writeAtomically, writeFailure } from '../write-output.js';

const COMMAND = 'import';
const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/** As for pages: the file was read, but it is not a report workbook. */
const NOT_A_REPORT = 1;

/**
 * The cell to name for a pointer: its own; for a missing object (报告机关 not filled in at all) the
 * first cell under it; else that of the closest field above it.
 */
export function cellFor(cells: Record<string, string>, pointer: string): string | undefined {
  if (cells[pointer] !== undefined) return cells[pointer];
  const below = Object.keys(cells).find((candidate) => candidate.startsWith(`${pointer}/`));
  if (below !== undefined) return cells[below];
  for (let at = pointer; at !== ''; ) {
    at = at.slice(0, at.lastIndexOf('/'));
    if (cells[at] !== undefined) return cells[at];
  }
  return undefined;
}

async function readBytes(ctx: CommandContext, file: string): Promise<Uint8Array | number> {
  try {
    const path = resolve(ctx.cwd, file);
    const info = await stat(path);
    if (!info.isFile())
      return fail(ctx, `${file}: ${ctx.lang === 'zh' ? '不是普通文件。' : 'not a regular file.'}`, COMMAND);
    if (info.size > MAX_WORKBOOK_BYTES)
      return fail(
        ctx,
        `${file}: ${ctx.lang === 'zh' ? '文件太大，年报工作簿不超过 20 MB。' : 'too large; a report workbook is at most 20 MB.'}`,
        COMMAND,
      );
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? { zh: '文件不存在。', en: 'no such file.' }
        : { zh: `无法读取（${code}）。`, en: `cannot read it (${code}).` };
    return fail(ctx, `${file}: ${reason[ctx.lang]}`, COMMAND);
  }
}

export async function runXlsxImport(ctx: CommandContext): Promise<number> {
  const parsed = parseCommandArgs(ctx.argv, {
    ...COMMON_OPTIONS,
    edition: { type: 'string' },
    out: { type: 'string' },
  });
  if (!parsed.ok) return usageError(ctx, parsed.reason, COMMAND);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0)
    return usageError(ctx, { zh: '一次只能导入一个文件', en: 'one file at a time' }, COMMAND);
  const out = parsed.values.out;
  const format = out === undefined || /\.ya?ml$/i.test(out) ? 'yaml' : /\.json$/i.test(out) ? 'json' : undefined;
  if (!format)
    return usageError(
      ctx,
      {
        zh: `--out 的文件名应以 .yaml、.yml 或 .json 结尾：${out}`,
        en: `--out must end in .yaml, .yml or .json: ${out}`,
      },
      COMMAND,
    );
  const bytes = await readBytes(ctx, file);
  if (typeof bytes === 'number') return bytes;

  const { readWorkbook } = await import('@nianbao/xlsx');
  const result = await readWorkbook(bytes);
  if (!result.ok) {
    ctx.stderr.write(
      `${file}${result.problem.ref ? `（${result.problem.ref}）` : ''}: ${result.problem.message[ctx.lang]}\n`,
    );
    return NOT_A_REPORT;
  }
  const header =
    ctx.lang === 'zh'
      ? ` 由 nianbao import 从工作簿 ${basename(file)} 读入。`
      : ` Read by nianbao import from the workbook ${basename(file)}.`;
  const text =
    format === 'json' ? `${JSON.stringify(result.document, null, 2)}\n` : await reportYaml(result.document, header);
  const report = out === undefined ? ctx.stderr : ctx.stdout;
  if (out === undefined) ctx.stdout.write(text);
  else {
    try {
      await writeAtomically(resolve(ctx.cwd, out), text);
    } catch (error) {
      return fail(ctx, writeFailure(out, error, ctx.lang), COMMAND);
    }
  }
  report.write(`${file} → ${out ?? (ctx.lang === 'zh' ? '（标准输出）' : '(stdout)')}\n`);
  for (const problem of result.problems) {
    const where = problem.ref ? `${file}（${problem.ref}）` : file;
    report.write(
      `${where}  ${paint.yellow(report.color, 'warning')}  ${paint.bold(report.color, 'XLSX')}\n  ${problem.message[ctx.lang]}\n`,
    );
  }
  const { validateReport } = loadCore();
  const validation = validateReport(result.document);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...validation.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  for (const finding of findings) {
    const ref = cellFor(result.cells, finding.pointer);
    report.write(formatFinding(finding, ref ? `${file}（${ref}）` : file, () => undefined, ctx.lang, report.color));
  }
  report.write(summaryLine(file, countBySeverity(validation.findings), ctx.lang, report.color, validation.edition));
  return EXIT.OK;
}
