/** `nianbao export <report.yaml|report.json> --format xlsx --out report.xlsx` */
import { resolve } from 'node:path';
import { choice, COMMON_OPTIONS, parseCommandArgs } from '../args.js';
import { loadCore } from '../core-loader.js';
import { readSource } from '../input.js';
import { EXIT, fail, formatFinding, summaryLine, countBySeverity, usageError, type CommandContext } from '../output.js';
import { writeAtomically, writeFailure } from '../write-output.js';

const COMMAND = 'export';

export const help = {
  zh: `用法：nianbao export <报告.yaml|报告.json> --format xlsx --out 报告.xlsx

把报告写成 Excel 工作簿（与 nianbao new 生成的工作簿同样的版式：报告信息、表二、表三、表四、
正文），数字为数值，总计为公式。再用 nianbao import 读回，得到同一份报告。报告须符合其格式的
结构（数据规则的错误照常导出，例如合计不符的总计保留原数）。

选项：
  --format xlsx     输出格式（默认按 --out 的扩展名）
  --out <文件>      写到哪里（必填；先写临时文件再改名）
  --lang zh|en      输出语言（默认 zh）
  -h, --help        显示本帮助

退出码：0 已导出；1 报告不符合格式的结构（列出问题，不写文件）；2 无法读取、参数有误或无法写入。
`,
  en: `Usage: nianbao export <report.yaml|report.json> --format xlsx --out report.xlsx

Writes the report as an Excel workbook (the layout of nianbao new: 报告信息, 表二, 表三, 表四, 正文),
numbers as numbers, totals as formulas. nianbao import reads it back into the same report. The report
must fit its edition's structure (data-rule errors are exported as they are: a total that does not add
up keeps the report's number).

Options:
  --format xlsx     the output format (default: from the --out extension)
  --out <file>      where to write (required; written to a temporary file, then renamed)
  --lang zh|en      language of the output (default zh)
  -h, --help        show this help

Exit codes: 0 exported; 1 the report does not fit its edition's structure (listed; nothing written);
2 cannot read the file, bad arguments, or cannot write.
`,
};

export async function run(ctx: CommandContext): Promise<number> {
  const parsed = parseCommandArgs(ctx.argv, { ...COMMON_OPTIONS, format: { type: 'string' }, out: { type: 'string' } });
  if (!parsed.ok) return usageError(ctx, parsed.reason, COMMAND);
  if (parsed.values.help) {
    ctx.stdout.write(help[ctx.lang]);
    return EXIT.OK;
  }
  const format = choice('format', parsed.values.format, ['xlsx'] as const, 'xlsx');
  if (!format.ok) return usageError(ctx, format.reason, COMMAND);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined)
    return usageError(ctx, { zh: '缺少要导出的报告文件', en: 'missing the report file to export' }, COMMAND);
  if (extra.length > 0)
    return usageError(
      ctx,
      {
        zh: `一次只能导出一个文件，多出了 ${extra.join(' ')}`,
        en: `one file at a time; unexpected ${extra.join(' ')}`,
      },
      COMMAND,
    );
  const out = parsed.values.out;
  if (out === undefined || !/\.xlsx$/i.test(out))
    return usageError(
      ctx,
      { zh: '--out 应为 .xlsx 文件，如 --out 报告.xlsx', en: '--out must be an .xlsx file, e.g. --out report.xlsx' },
      COMMAND,
    );

  const read = await readSource(ctx, resolve(ctx.cwd, file), { command: COMMAND });
  if (!read.ok) return read.exitCode;
  const { validateReport } = loadCore();
  const validation = validateReport(read.source.document);
  // A workbook holds the edition's fields only: a document that does not fit would not come back whole.
  const structural = validation.findings.filter(
    (finding) => finding.ruleId === 'schema' || finding.ruleId === 'edition',
  );
  if (structural.length > 0 || validation.edition === undefined) {
    for (const finding of structural)
      ctx.stderr.write(formatFinding(finding, file, read.source.locate, ctx.lang, ctx.stderr.color));
    ctx.stderr.write(
      ctx.lang === 'zh'
        ? `${file}：不符合格式的结构，未导出（先用 nianbao validate 修正）。\n`
        : `${file}: does not fit its edition's structure; not exported (fix it with nianbao validate first).\n`,
    );
    return EXIT.FINDINGS;
  }
  const { writeWorkbook, XlsxError } = await import('@nianbao/xlsx');
  let bytes: Uint8Array;
  try {
    bytes = await writeWorkbook(read.source.document);
  } catch (error) {
    if (error instanceof XlsxError) return fail(ctx, `${file}: ${error.messages[ctx.lang]}`, COMMAND);
    throw error;
  }
  try {
    await writeAtomically(resolve(ctx.cwd, out), bytes);
  } catch (error) {
    return fail(ctx, writeFailure(out, error, ctx.lang), COMMAND);
  }
  ctx.stdout.write(`${file} → ${out}\n`);
  ctx.stdout.write(
    summaryLine(file, countBySeverity(validation.findings), ctx.lang, ctx.stdout.color, validation.edition),
  );
  return EXIT.OK;
}
