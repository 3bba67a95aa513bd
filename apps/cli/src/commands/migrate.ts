/** `nianbao migrate <report> --to 2021 [--out new.yaml|new.json]` */
import { basename, resolve } from 'node:path';
import type { Dropped, NotCarried } from '@nianbao/migrate';
import { choice, COMMON_OPTIONS, parseCommandArgs } from '../args.js';
import { loadCore } from '../core-loader.js';
import { readSource } from '../input.js';
import { EXIT, fail, formatFinding, paint, usageError, type CommandContext, type Output } from '../output.js';
import { reportYaml, writeAtomically, writeFailure } from '../write-output.js';

const COMMAND = 'migrate';

export const help = {
  zh: `用法：nianbao migrate <报告.yaml|报告.json> --to 2021 [--out 新报告.yaml]

把2019年格式（国办公开办函〔2019〕60号）的报告转为2021年格式（国办公开办函〔2021〕30号），
按 schemas/migrations/2019-to-2021.json 中声明的对应关系：每个2021年格式的栏目从哪个2019年
栏目来，或是新增的。不编造数字：没有来源的单元格记为未填报（null）并逐一列出；2021年格式
没有位置的2019年数字（如政府集中采购）也逐一列出。报告年度不变（2020年度的报告仍是2020年度）。

选项：
  --to 2021         目标格式（必填）
  --out <文件>      写入新报告：.yaml/.yml 为 YAML（每个栏目带官方名称注释），.json 为 JSON
                    （先写临时文件再改名）；不给出时把 YAML 写到标准输出，其余写到标准错误
  --lang zh|en      输出语言（默认 zh）
  -h, --help        显示本帮助

退出码：0 已转换（列出未结转的单元格）；2 无法读取、不是2019/2021年格式的报告或参数有误。
`,
  en: `Usage: nianbao migrate <report.yaml|report.json> --to 2021 [--out new.yaml]

Turns a report of the 2019 edition (国办公开办函〔2019〕60号) into one of the 2021 edition
(国办公开办函〔2021〕30号) by the mapping declared in schemas/migrations/2019-to-2021.json: for every
2021 field, the 2019 field it comes from, or that it is new. Nothing is invented: a cell without a
source is left not reported (null) and listed; 2019 numbers the 2021 edition has no place for (e.g.
政府集中采购) are listed too. The report year stays as it is.

Options:
  --to 2021         the edition to migrate to (required)
  --out <file>      write the new report: .yaml/.yml as YAML (each field with its official label as a
                    comment), .json as JSON (written to a temporary file, then renamed); without it
                    the YAML goes to stdout and the rest to stderr
  --lang zh|en      language of the output (default zh)
  -h, --help        show this help

Exit codes: 0 migrated (the cells not carried are listed); 2 cannot read the file, not a report of
the 2019 or 2021 edition, or bad arguments.
`,
};

/** Items under their reason, the reason once (26 cells share three reasons in the 2019 example). */
function byReason<T extends { reason: string }>(items: T[], line: (item: T) => string): string[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.reason, [...(groups.get(item.reason) ?? []), item]);
  return [...groups].flatMap(([reason, members]) => [`  ${reason}`, ...members.map((item) => `    ${line(item)}`)]);
}

function listing(notCarried: NotCarried[], dropped: Dropped[], ctx: CommandContext, out: Output): string {
  const zh = ctx.lang === 'zh';
  const lines: string[] = [];
  const where = (pointer: string) => paint.dim(out.color, pointer);
  if (notCarried.length > 0) {
    lines.push(
      zh
        ? `未结转：${notCarried.length} 个单元格在2019年格式中没有来源，记为未填报（null），请补填：`
        : `Not carried: ${notCarried.length} cells have no source in the 2019 edition; left not reported (null), fill them in:`,
    );
    lines.push(...byReason(notCarried, (cell) => `${cell.label}  ${where(cell.pointer)}`));
  }
  if (dropped.length > 0) {
    lines.push(
      zh
        ? `未迁移：${dropped.length} 个2019年格式的数值在2021年格式中没有对应栏目：`
        : `Dropped: ${dropped.length} values of the 2019 edition have no place in the 2021 edition:`,
    );
    lines.push(
      ...byReason(dropped, (value) => `${value.label} = ${JSON.stringify(value.value)}  ${where(value.pointer)}`),
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function outputFormat(out: string | undefined): 'yaml' | 'json' | undefined {
  if (out === undefined || /\.ya?ml$/i.test(out)) return 'yaml';
  return /\.json$/i.test(out) ? 'json' : undefined;
}

export async function run(ctx: CommandContext): Promise<number> {
  const parsed = parseCommandArgs(ctx.argv, { ...COMMON_OPTIONS, to: { type: 'string' }, out: { type: 'string' } });
  if (!parsed.ok) return usageError(ctx, parsed.reason, COMMAND);
  if (parsed.values.help) {
    ctx.stdout.write(help[ctx.lang]);
    return EXIT.OK;
  }
  if (parsed.values.to === undefined)
    return usageError(ctx, { zh: '缺少 --to 2021', en: 'missing --to 2021' }, COMMAND);
  const to = choice('to', parsed.values.to, ['2021'] as const, '2021');
  if (!to.ok) return usageError(ctx, to.reason, COMMAND);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    const reason =
      file === undefined
        ? { zh: '缺少要转换的报告文件', en: 'missing the report file to migrate' }
        : {
            zh: `一次只能转换一个文件，多出了 ${extra.join(' ')}`,
            en: `one file at a time; unexpected ${extra.join(' ')}`,
          };
    return usageError(ctx, reason, COMMAND);
  }
  const out = parsed.values.out;
  const format = outputFormat(out);
  if (!format) {
    return usageError(
      ctx,
      {
        zh: `--out 的文件名应以 .yaml、.yml 或 .json 结尾：${out}`,
        en: `--out must end in .yaml, .yml or .json: ${out}`,
      },
      COMMAND,
    );
  }

  const read = await readSource(ctx, resolve(ctx.cwd, file), { command: COMMAND });
  if (!read.ok) return read.exitCode;
  const { migrateReport, MigrationError } = await import('@nianbao/migrate');
  let result: ReturnType<typeof migrateReport>;
  try {
    result = migrateReport(read.source.document, { to: to.value, lang: ctx.lang, source: basename(file) });
  } catch (error) {
    if (error instanceof MigrationError) return fail(ctx, `${file}: ${error.messages[ctx.lang]}`, COMMAND);
    throw error;
  }

  const header =
    ctx.lang === 'zh'
      ? ` 由 nianbao migrate 从 ${basename(file)}（2019年格式）转为2021年格式。值为 null 的单元格在2019年格式中没有来源，请补填。`
      : ` Migrated by nianbao migrate from ${basename(file)} (edition 2019) to the 2021 edition. Cells that are null had no source in the 2019 edition: fill them in.`;
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
  report.write(listing(result.notCarried, result.dropped, ctx, report));
  printSchemaFindings(result.document, out ?? 'stdout', ctx, report);
  return EXIT.OK;
}

/** A source that did not fit its own schema migrates as it is: say where the result does not fit either. */
function printSchemaFindings(document: unknown, target: string, ctx: CommandContext, report: Output): void {
  const { validateReport } = loadCore();
  const structural = validateReport(document).findings.filter((finding) => finding.ruleId === 'schema');
  for (const finding of structural)
    report.write(formatFinding(finding, target, () => undefined, ctx.lang, report.color));
}
