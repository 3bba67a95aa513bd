/** `nianbao compare <last.yaml> <this.yaml> --out <dir> [--formats html,pdf,json] [--extension <folder>]... [--fonts role=file]...` */
import { join } from 'node:path';
import { COMMON_OPTIONS, parseCommandArgs } from '../args.js';
import { fontRolesFor } from '../font-config.js';
import { readSource } from '../input.js';
import { EXIT, fail, usageError, type CommandContext } from '../output.js';

const COMMAND = 'compare';
const FORMATS = ['html', 'pdf', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const help = {
  zh: `用法：nianbao compare <上年报告> <本年报告> --out <输出目录> [选项]

逐项比较两个年度的报告，写出对比报告：
  <输出目录>/index.html        网页
  <输出目录>/comparison.pdf    A4 PDF
  <输出目录>/comparison.json   对比数据（JSON）
内容：每个统计单元格两年并列，变化量和变化率，按变化大小排列，超过10倍或降为0的变化标出；
上年结转与上年报告的结转下年度继续办理核对；各部分正文逐段比较，给出与上年相同的文字比例。
两年格式不同时，2019年格式的报告按迁移映射转为2021年格式后比较。有错误的报告照常比较，并注明错误。

选项：
  --out <目录>            输出目录（必填）
  --formats html,pdf,json  要生成的输出（默认全部）
  --extension <目录>      本地扩展（校验两份报告时使用），可重复
  --fonts 角色=字体文件    PDF 字体（title、body、heading1），同 build；覆盖本年报告旁 nianbao.config.json
  --lang zh|en            输出语言（默认 zh）
  -h, --help              显示本帮助

退出码：0 已生成；2 无法读取文件、不是年报或参数有误。
`,
  en: `Usage: nianbao compare <last year's report> <this year's report> --out <dir> [options]

Compares two years' reports and writes a comparison report:
  <dir>/index.html        the page
  <dir>/comparison.pdf    the A4 PDF
  <dir>/comparison.json   the comparison as data
Every table cell of both years side by side with the change and the percentage, largest changes
first, changes beyond a factor of 10 or down to 0 flagged; this year's 上年结转 checked against last
year's 结转下年度继续办理; each section's text compared paragraph by paragraph, with the share of
text identical to last year's. Reports of different editions are compared in the 2021 edition (the
2019 one migrated by the declared mapping). Reports with errors are compared; their errors are noted.

Options:
  --out <dir>              output folder (required)
  --formats html,pdf,json  outputs to write (default: all)
  --extension <folder>     a local extension used to validate both reports; may be repeated
  --fonts role=file        a PDF font (title, body, heading1), as for build; replaces the same role of
                           the nianbao.config.json found beside this year's report
  --lang zh|en             language of the output (default zh)
  -h, --help               show this help

Exit codes: 0 written; 2 cannot read a file, not a report, or bad arguments.
`,
};

function parseFormats(value: string | undefined): Format[] | undefined {
  if (value === undefined) return [...FORMATS];
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0 || !parts.every((part) => (FORMATS as readonly string[]).includes(part))) return undefined;
  return [...new Set(parts as Format[])];
}

export async function run(ctx: CommandContext): Promise<number> {
  const parsed = parseCommandArgs(ctx.argv, {
    ...COMMON_OPTIONS,
    out: { type: 'string', short: 'o' },
    formats: { type: 'string' },
    extension: { type: 'string', multiple: true },
    fonts: { type: 'string', multiple: true },
  });
  if (!parsed.ok) return usageError(ctx, parsed.reason, COMMAND);
  if (parsed.values.help) {
    ctx.stdout.write(help[ctx.lang]);
    return EXIT.OK;
  }
  const [lastFile, currentFile, ...extra] = parsed.positionals;
  if (lastFile === undefined || currentFile === undefined || extra.length > 0)
    return usageError(
      ctx,
      { zh: '需要两个报告文件：上年报告和本年报告', en: "two report files are needed: last year's and this year's" },
      COMMAND,
    );
  const out = parsed.values.out;
  if (out === undefined || out === '')
    return usageError(ctx, { zh: '缺少 --out <输出目录>', en: 'missing --out <dir>' }, COMMAND);
  const formats = parseFormats(parsed.values.formats);
  if (!formats)
    return usageError(
      ctx,
      { zh: `--formats 只能由 ${FORMATS.join('、')} 组成`, en: `--formats takes ${FORMATS.join(', ')}` },
      COMMAND,
    );

  const last = await readSource(ctx, lastFile, {
    command: COMMAND,
    role: { zh: '上年报告', en: "last year's report" },
  });
  if (!last.ok) return last.exitCode;
  const current = await readSource(ctx, currentFile, {
    command: COMMAND,
    role: { zh: '本年报告', en: "this year's report" },
  });
  if (!current.ok) return current.exitCode;

  // The office's PDF fonts: nianbao.config.json beside this year's report, and --fonts.
  let fonts: import('@nianbao/render-pdf/coverage').FontRoles = {};
  if (formats.includes('pdf')) {
    const roles = await fontRolesFor(currentFile, parsed.values.fonts ?? [], ctx.lang);
    if (!roles.ok) return fail(ctx, roles.reason, COMMAND);
    fonts = roles.fonts;
  }
  const schemas = await extensionSchemas(ctx, parsed.values.extension ?? []);
  if (typeof schemas === 'string') return fail(ctx, schemas, COMMAND);
  const { compareReports, CompareError, renderComparisonHtml, renderComparisonPdf } = await import('@nianbao/compare');
  let comparison: import('@nianbao/compare').Comparison;
  try {
    comparison = compareReports(last.source.document, current.source.document, { lang: ctx.lang, schemas });
  } catch (error) {
    if (error instanceof CompareError)
      return fail(ctx, `${error.which === 'last' ? lastFile : currentFile}: ${error.messages[ctx.lang]}`, COMMAND);
    throw error;
  }
  const files: { name: string; data: string | Uint8Array }[] = [];
  if (formats.includes('html')) files.push({ name: 'index.html', data: renderComparisonHtml(comparison) });
  if (formats.includes('json'))
    files.push({ name: 'comparison.json', data: `${JSON.stringify(comparison, null, 2)}\n` });
  if (formats.includes('pdf'))
    files.push({ name: 'comparison.pdf', data: await renderComparisonPdf(comparison, { fonts }) });
  const { writeFilesAtomically } = await import('@nianbao/outputs');
  await writeFilesAtomically(out, files);
  for (const file of files) ctx.stdout.write(`${ctx.lang === 'zh' ? '已生成' : 'wrote'} ${join(out, file.name)}\n`);
  const note = comparison.last.errors + comparison.current.errors;
  if (note > 0)
    ctx.stderr.write(
      ctx.lang === 'zh'
        ? `注意：两份报告共有 ${note} 个错误，已在对比报告中注明。\n`
        : `note: the two reports have ${note} errors between them; the comparison notes them.\n`,
    );
  return EXIT.OK;
}

/** The extensions' patched schema per edition, or one line of reason. */
async function extensionSchemas(ctx: CommandContext, folders: readonly string[]) {
  const schemas: Partial<Record<'2019' | '2021', import('@nianbao/template').JsonSchema>> = {};
  if (folders.length === 0) return schemas;
  const { loadCliExtensions, applyCliExtensions } = await import('../extensions.js');
  const loaded = await loadCliExtensions(folders, ctx.lang);
  if (!loaded.ok) return loaded.reason;
  for (const edition of ['2019', '2021'] as const) {
    const applied = await applyCliExtensions(loaded.extensions, edition, ctx.lang);
    if (!applied.ok) return applied.reason;
    schemas[edition] = applied.applied.schema;
  }
  return schemas;
}
