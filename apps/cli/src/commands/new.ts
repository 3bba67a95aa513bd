/** `nianbao new --edition 2021 --year 2024 --out draft.xlsx|draft.yaml [--previous last.yaml]` */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Edition } from '@nianbao/template';
import { choice, COMMON_OPTIONS, parseCommandArgs } from '../args.js';
import { isPlainObject, readSource } from '../input.js';
import { EXIT, fail, usageError, type CommandContext } from '../output.js';
import { reportYaml, writeAtomically, writeFailure } from '../write-output.js';

const COMMAND = 'new';

export const help = {
  zh: `用法：nianbao new --year 2024 --out 草稿.xlsx|草稿.yaml [选项]

生成一份空白年报：
  .xlsx  Excel 工作簿，由格式定义生成：每张统计表一个工作表（表二、表三、表四，官方表头、合并
         单元格），填写格对应不小于0的整数（数据验证），栏目名称锁定（工作表保护，无密码），
         总计为公式，边填边合计；另有“报告信息”和“正文”两个工作表。填好后用 nianbao import 读回。
  .yaml  报告源文件，每个栏目带官方名称注释，单元格为 null（未填写）。
  .json  同上，JSON 格式。

选项：
  --year <年度>          报告年度（必填）
  --edition 2019|2021    格式版本（默认按年度：2021年度起为2021年格式）
  --out <文件>           写到哪里（必填；已存在时不覆盖，除非给出 --force）
  --previous <文件>      上一年度的报告：带入机关信息、联系方式，“二、上年结转”取上年的
                         “四、结转下年度继续办理”
  --force                覆盖已存在的文件
  --lang zh|en           输出语言（默认 zh）
  -h, --help             显示本帮助

退出码：0 已生成；2 参数有误或无法读写文件。
`,
  en: `Usage: nianbao new --year 2024 --out draft.xlsx|draft.yaml [options]

Writes an empty report to fill in:
  .xlsx  an Excel workbook generated from the schema: one sheet per table (表二, 表三, 表四) in the
         official layout (merged headers, official labels), input cells limited to whole numbers ≥ 0
         (data validation), labels locked (sheet protection without a password), totals as formulas
         that add up while you type, plus a metadata sheet (报告信息) and a narrative sheet (正文).
         Read it back with nianbao import.
  .yaml  a report source file, each field with its official label as a comment, cells null.
  .json  the same as JSON.

Options:
  --year <year>          the report year (required)
  --edition 2019|2021    the edition (default: from the year; 2021 onward uses the 2021 edition)
  --out <file>           where to write (required; an existing file is not overwritten without --force)
  --previous <file>      last year's report: brings the agency and contact, and fills 二、上年结转 from
                         last year's 四、结转下年度继续办理
  --force                overwrite an existing file
  --lang zh|en           language of the output (default zh)
  -h, --help             show this help

Exit codes: 0 written; 2 bad arguments, or a file cannot be read or written.
`,
};

type Format = 'xlsx' | 'yaml' | 'json';
const formatOf = (out: string): Format | undefined =>
  /\.xlsx$/i.test(out) ? 'xlsx' : /\.ya?ml$/i.test(out) ? 'yaml' : /\.json$/i.test(out) ? 'json' : undefined;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

interface Request {
  year: number;
  edition: Edition;
  out: string;
  format: Format;
  previous?: string;
}

/** The arguments as a request, or the exit code of a usage error already printed. */
async function request(ctx: CommandContext): Promise<Request | number> {
  const parsed = parseCommandArgs(ctx.argv, {
    ...COMMON_OPTIONS,
    year: { type: 'string' },
    edition: { type: 'string' },
    out: { type: 'string' },
    previous: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (!parsed.ok) return usageError(ctx, parsed.reason, COMMAND);
  if (parsed.values.help) {
    ctx.stdout.write(help[ctx.lang]);
    return EXIT.OK;
  }
  const { year: yearText, out } = parsed.values;
  if (parsed.positionals.length > 0)
    return usageError(
      ctx,
      { zh: `多余的参数 ${parsed.positionals.join(' ')}`, en: `unexpected ${parsed.positionals.join(' ')}` },
      COMMAND,
    );
  const year = Number(yearText);
  if (yearText === undefined || !/^\d{4}$/.test(yearText) || year < 2019 || year > 2100)
    return usageError(
      ctx,
      {
        zh: '--year 应为2019至2100之间的年度，如 --year 2024',
        en: '--year must be a year from 2019 to 2100, e.g. --year 2024',
      },
      COMMAND,
    );
  if (out === undefined) return usageError(ctx, { zh: '缺少 --out <文件>', en: 'missing --out <file>' }, COMMAND);
  const format = formatOf(out);
  if (!format)
    return usageError(
      ctx,
      {
        zh: `--out 的文件名应以 .xlsx、.yaml、.yml 或 .json 结尾：${out}`,
        en: `--out must end in .xlsx, .yaml, .yml or .json: ${out}`,
      },
      COMMAND,
    );
  const fallback: Edition = year >= 2021 ? '2021' : '2019';
  const edition = choice('edition', parsed.values.edition, ['2019', '2021'] as const, fallback);
  if (!edition.ok) return usageError(ctx, edition.reason, COMMAND);
  if (!parsed.values.force && (await exists(resolve(ctx.cwd, out))))
    return fail(
      ctx,
      `${out}: ${ctx.lang === 'zh' ? '文件已存在，未覆盖（要覆盖请加 --force）。' : 'already exists; not overwritten (add --force to overwrite).'}`,
      COMMAND,
    );
  return {
    year,
    edition: edition.value,
    out,
    format,
    ...(parsed.values.previous ? { previous: parsed.values.previous } : {}),
  };
}

export async function run(ctx: CommandContext): Promise<number> {
  const asked = await request(ctx);
  if (typeof asked === 'number') return asked;
  let previous: unknown;
  if (asked.previous !== undefined) {
    const role = { zh: '上年报告', en: 'previous report' };
    const loaded = await readSource(ctx, resolve(ctx.cwd, asked.previous), { command: COMMAND, role });
    if (!loaded.ok) return loaded.exitCode;
    if (!isPlainObject(loaded.source.document) || !isPlainObject(loaded.source.document.metadata))
      return fail(
        ctx,
        `${asked.previous}: ${ctx.lang === 'zh' ? '上年报告：不是年报源文件。' : 'previous report: not a report source file.'}`,
        COMMAND,
      );
    previous = loaded.source.document;
  }
  const { draftReport, writeWorkbook } = await import('@nianbao/xlsx');
  const draft = draftReport({
    edition: asked.edition,
    year: asked.year,
    ...(previous === undefined ? {} : { previous }),
  });
  const header =
    ctx.lang === 'zh'
      ? ` ${asked.year}年度政府信息公开工作年度报告（${asked.edition}年格式），由 nianbao new 生成：填写各栏目，null 处填数字（没有发生的填0），然后 nianbao validate。`
      : ` ${asked.year} annual report (edition ${asked.edition}) made by nianbao new: fill in each field, a number for every null (0 when nothing happened), then nianbao validate.`;
  const data =
    asked.format === 'xlsx'
      ? await writeWorkbook(draft)
      : asked.format === 'json'
        ? `${JSON.stringify(draft, null, 2)}\n`
        : await reportYaml(draft, header);
  try {
    await writeAtomically(resolve(ctx.cwd, asked.out), data);
  } catch (error) {
    return fail(ctx, writeFailure(asked.out, error, ctx.lang), COMMAND);
  }
  const carried =
    previous === undefined
      ? ''
      : ctx.lang === 'zh'
        ? `；上年结转取自 ${asked.previous}`
        : `; 上年结转 from ${asked.previous}`;
  ctx.stdout.write(
    ctx.lang === 'zh'
      ? `${asked.out}：${asked.year}年度空白报告（${asked.edition}年格式）${carried}\n`
      : `${asked.out}: empty ${asked.year} report (edition ${asked.edition})${carried}\n`,
  );
  return EXIT.OK;
}
