/** `nianbao import <page.html|page.txt> [--edition 2019|2021|auto] [--out report.yaml|report.json]` */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Fidelity, ImportProblem, ImportWarning } from '@nianbao/importer';
import type { Report } from '@nianbao/template';
import { choice, COMMON_OPTIONS, parseCommandArgs } from '../args.js';
import { loadCore } from '../core-loader.js';
import { loadImporter } from '../importer-loader.js';
import { loadPdfjs } from '../pdfjs-loader.js';
import { writeAtomically } from '../write-output.js';
import {
  countBySeverity,
  EXIT,
  fail,
  formatFinding,
  paint,
  summaryLine,
  usageError,
  type CommandContext,
  type Lang,
  type Locator,
  type Output,
  type PrintableFinding,
} from '../output.js';

const COMMAND = 'import';

/** Far above any report page (the largest are a few MB of CMS markup). */
const MAX_PAGE_BYTES = 32 * 1024 * 1024;

/** Exit code for a page that is not a (whole) report: the import ran, the input falls short. */
const NOT_A_REPORT = 1;

export const help = {
  zh: `用法：nianbao import <报告.pdf|报告.docx|网页.html|文本.txt> [选项]

把已发布的年报（PDF、Word .docx、网页 HTML，或其文本）读回为报告源文件：识别六个部分的标题、总体情况等的
小标题、报告信息（机关、年度、统计期限、联系方式、电子版位置），按官方栏目读取三张统计表。
原报告中空白、“/”、“—”、“-”的单元格记为未填报（null），不按0处理；无法归位的原文逐字保存在
provenance.unplaced 中。随后打印导入情况（读取的数字、找到的章节、归位的段落）并校验结果。

工作簿 .xlsx（nianbao new 或 nianbao export 生成）按栏目名称读回，问题标出工作表和单元格（表三!D12）。

选项：
  --edition 2019|2021|auto  按哪一版格式读取表格（默认 auto：按表格栏目判定）
  --partial                 缺少统计表或章节时仍导入已有部分：缺少的单元格记为未填报（null），
                            provenance.notFound 列出缺少的部分，随后照常校验
  --previous <文件>         上一年度的报告：帮助拆分连在一起的数字（现行有效件数与上年衔接），
                            并核对上年结转（X-CARRY）和现行有效件数（X-VALID）
  --out <文件>              写入报告源文件：.yaml/.yml 为 YAML，.json 为 JSON（先写临时文件再改名）；
                            不给出时把 YAML 写到标准输出，导入情况和校验结果写到标准错误
  --lang zh|en              输出语言（默认 zh）
  -h, --help                显示本帮助

退出码：0 已导入（校验发现的问题照常列出，例如合计不符）；
        1 输入不是年报，或统计表缺失、不完整（列出找到了什么、缺少什么）；
        2 无法读取文件（扫描件没有文字层、旧版 .doc、文件损坏）或参数有误（原因打印在标准错误的一行中）。
`,
  en: `Usage: nianbao import <report.pdf|report.docx|page.html|page.txt> [options]

Reads a published report (PDF, Word .docx, a web page, or its text) back into a report source file: the six section
headings, the sub-headings of 总体情况 and 五, the metadata (agency, year, statistics period,
contact, where the electronic version is) and the three tables, by their official labels. A blank,
"/", "—" or "-" cell is kept as not reported (null), never 0; text that fits nowhere is kept verbatim
in provenance.unplaced. Then prints how the import went (numbers read, sections found, paragraphs
placed) and validates the result.

A workbook .xlsx (made by nianbao new or nianbao export) is read back by its labels; findings name
the sheet and cell (表三!D12).

Options:
  --edition 2019|2021|auto  read the tables as this edition (default auto: from the table labels)
  --partial                 import what is there when tables or sections are missing: their cells
                            are not reported (null), provenance.notFound lists them; then validate
  --previous <file>         last year's report: helps split digits that ran together (现行有效 follows
                            from last year's) and checks 上年结转 (X-CARRY) and 现行有效件数 (X-VALID)
  --out <file>              write the report source: .yaml/.yml as YAML, .json as JSON (written to a
                            temporary file, then renamed); without it the YAML goes to stdout and the
                            import summary and findings to stderr
  --lang zh|en              language of the output (default zh)
  -h, --help                show this help

Exit codes: 0 imported (findings of the validation are listed, e.g. broken totals);
            1 not a report, or a table is missing or cut short (says what was found and missing);
            2 cannot read the file (a scan without a text layer, an old .doc, a damaged file), or bad
              arguments (the reason on one line on stderr).
`,
};

/** YAML that reads back exactly: long lines unfolded, strings that look like numbers quoted. */
function toYaml(document: Report, source: string): string {
  const { YamlDocument, visitYaml, isYamlScalar } = loadCore();
  const yaml = new YamlDocument(document);
  yaml.commentBefore = ` Imported by nianbao import from ${source}; see provenance and check the guessed metadata.`;
  visitYaml(yaml, {
    Scalar(_key, node) {
      if (isYamlScalar(node) && typeof node.value === 'string' && /^[\d\s+\-.:/()]+$/.test(node.value))
        node.type = 'QUOTE_DOUBLE';
    },
  });
  return yaml.toString({ lineWidth: 0 });
}

function fidelitySummary(fidelity: Fidelity, warnings: ImportWarning[], lang: Lang, out: Output): string {
  const notReported = fidelity.notReported.length;
  const by = {
    option: { zh: '按 --edition', en: 'as asked with --edition' },
    labels: { zh: '按表格栏目判定', en: 'from the table labels' },
    year: { zh: '按报告年度判定', en: 'from the report year' },
  }[fidelity.editionFrom];
  const lines =
    lang === 'zh'
      ? [
          `格式：${fidelity.edition}年格式（${by.zh}）`,
          `表格数字：读取 ${fidelity.cellsRead}/${fidelity.cellsExpected} 个${notReported ? `，${notReported} 个未填报（记为 null）` : ''}`,
          `章节：找到 ${fidelity.sectionsFound.length}/6 个`,
          `段落：归位 ${fidelity.paragraphsPlaced} 段，未归位 ${fidelity.paragraphsUnplaced} 段${fidelity.paragraphsUnplaced ? '（逐字保存在 provenance.unplaced）' : ''}`,
        ]
      : [
          `Edition: ${fidelity.edition} (${by.en})`,
          `Table numbers: ${fidelity.cellsRead}/${fidelity.cellsExpected} read${notReported ? `, ${notReported} not reported (kept as null)` : ''}`,
          `Sections: ${fidelity.sectionsFound.length}/6 found`,
          `Paragraphs: ${fidelity.paragraphsPlaced} placed, ${fidelity.paragraphsUnplaced} unplaced${fidelity.paragraphsUnplaced ? ' (kept verbatim in provenance.unplaced)' : ''}`,
        ];
  // Not-reported cells come back as validator findings, unplaced text is counted above.
  const notes = warnings.filter((w) => w.code !== 'not-reported' && w.code !== 'unplaced');
  for (const note of notes) {
    lines.push(
      `  ${paint.yellow(out.color, note.code)}  ${note.at ? `${paint.dim(out.color, note.at)}  ` : ''}${note.message[lang]}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function problemText(file: string, problem: ImportProblem, lang: Lang, color: boolean): string {
  const list = (items: string[]) => items.map((item) => `  - ${item}\n`).join('');
  const found = lang === 'zh' ? '找到：' : 'Found:';
  const missing = lang === 'zh' ? '缺少：' : 'Missing:';
  return (
    `${file}${lang === 'zh' ? '：' : ': '}${paint.bold(color, paint.red(color, problem.message[lang]))}\n` +
    `${found}${problem.found.length ? `\n${list(problem.found)}` : lang === 'zh' ? '无\n' : ' nothing\n'}` +
    `${missing}${problem.missing.length ? `\n${list(problem.missing)}` : lang === 'zh' ? '无\n' : ' nothing\n'}`
  );
}

interface ImportOptions {
  file: string;
  edition: '2019' | '2021' | 'auto';
  partial: boolean;
  /** Last year's report (--previous), read. */
  previous: unknown;
  /** Where the report source goes; undefined: stdout. */
  out: string | undefined;
  outFormat: 'yaml' | 'json';
}

/** Reads the arguments; a number is the exit code to stop with (help shown, a usage error, or a workbook imported). */
async function readOptions(ctx: CommandContext): Promise<ImportOptions | number> {
  const parsed = parseCommandArgs(ctx.argv, {
    ...COMMON_OPTIONS,
    edition: { type: 'string' },
    out: { type: 'string' },
    partial: { type: 'boolean' },
    previous: { type: 'string' },
  });
  if (!parsed.ok) return usageError(ctx, parsed.reason, COMMAND);
  if (parsed.values.help) {
    ctx.stdout.write(help[ctx.lang]);
    return EXIT.OK;
  }
  // Workbooks made by `nianbao new` / `nianbao export` are read by @nianbao/xlsx (its own module).
  if (/\.xlsx$/i.test(parsed.positionals[0] ?? '')) return (await import('./import-xlsx.js')).runXlsxImport(ctx);
  const edition = choice('edition', parsed.values.edition, ['2019', '2021', 'auto'] as const, 'auto');
  if (!edition.ok) return usageError(ctx, edition.reason, COMMAND);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined)
    return usageError(
      ctx,
      { zh: '缺少要导入的网页或文本文件', en: 'missing the page or text file to import' },
      COMMAND,
    );
  if (extra.length > 0) {
    return usageError(
      ctx,
      {
        zh: `一次只能导入一个文件，多出了 ${extra.join(' ')}`,
        en: `one file at a time; unexpected ${extra.join(' ')}`,
      },
      COMMAND,
    );
  }
  const out = parsed.values.out;
  const outFormat =
    out === undefined ? 'yaml' : /\.ya?ml$/i.test(out) ? 'yaml' : /\.json$/i.test(out) ? 'json' : undefined;
  if (!outFormat) {
    return usageError(
      ctx,
      {
        zh: `--out 的文件名应以 .yaml、.yml 或 .json 结尾：${out}`,
        en: `--out must end in .yaml, .yml or .json: ${out}`,
      },
      COMMAND,
    );
  }
  // Read only when given: the validate command's module is not loaded by every import.
  let previous: unknown;
  if (parsed.values.previous !== undefined) {
    const read = await (await import('./validate.js')).readPrevious(ctx, parsed.values.previous, COMMAND);
    if (!read.ok) return read.exitCode;
    previous = read.value;
  }
  return { file, edition: edition.value, partial: parsed.values.partial === true, previous, out, outFormat };
}

/** Reads the input file; a number is the exit code of a file that cannot be read. */
async function readInput(ctx: CommandContext, file: string): Promise<Uint8Array | number> {
  try {
    const path = resolve(ctx.cwd, file);
    const info = await stat(path);
    if (!info.isFile())
      return fail(ctx, `${file}: ${ctx.lang === 'zh' ? '不是普通文件。' : 'not a regular file.'}`, COMMAND);
    if (info.size > MAX_PAGE_BYTES) {
      const size = `${Math.round(info.size / 1024 / 1024)} MB`;
      return fail(
        ctx,
        `${file}: ${ctx.lang === 'zh' ? `文件太大（${size}），年报网页不超过 ${MAX_PAGE_BYTES / 1024 / 1024} MB。` : `too large (${size}); a report page is at most ${MAX_PAGE_BYTES / 1024 / 1024} MB.`}`,
        COMMAND,
      );
    }
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? { zh: '文件不存在。', en: 'no such file.' }
        : code === 'EACCES' || code === 'EPERM'
          ? { zh: '没有读取权限。', en: 'permission denied.' }
          : { zh: `无法读取（${code ?? String(error)}）。`, en: `cannot read it (${code ?? String(error)}).` };
    return fail(ctx, `${file}: ${reason[ctx.lang]}`, COMMAND);
  }
}

/** Writes the report source to --out or stdout; a number is the exit code of a failed write. */
async function writeDocument(ctx: CommandContext, out: string | undefined, text: string): Promise<number | undefined> {
  if (out === undefined) {
    ctx.stdout.write(text);
    return undefined;
  }
  try {
    await writeAtomically(resolve(ctx.cwd, out), text);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return fail(ctx, `${out}: ${ctx.lang === 'zh' ? `无法写入（${code}）。` : `cannot write it (${code}).`}`, COMMAND);
  }
}

/**
 * Validates the imported document and lists the findings, located in the written file when there is one;
 * with them the importer's own (errors of the report under every reading of rows it left unread).
 */
function reportFindings(
  report: Output,
  imported: { document: Report; findings?: PrintableFinding[] | undefined; previous: unknown },
  text: string,
  out: string | undefined,
  target: string,
  lang: Lang,
): void {
  const { validateReport, parseReportText } = loadCore();
  // The written text is parsed back for the findings' line numbers only: not at all when there are none.
  let locateInText: Locator | undefined;
  const locate: Locator = (pointer) => {
    if (!locateInText) {
      const parsedBack = parseReportText(text, out ?? 'stdout.yaml');
      locateInText = parsedBack.ok ? parsedBack.locate : () => undefined;
    }
    return locateInText(pointer);
  };
  const validation = validateReport(imported.document, { previous: imported.previous });
  const order = { error: 0, warning: 1, info: 2 } as const;
  const all = [...validation.findings, ...(imported.findings ?? [])];
  const findings = [...all].sort((a, b) => order[a.severity] - order[b.severity]);
  if (findings.length > 0) report.write('\n');
  for (const finding of findings)
    report.write(
      `${formatFinding(finding, target, out === undefined ? () => undefined : locate, lang, report.color)}\n`,
    );
  report.write(summaryLine(target, countBySeverity(all), lang, report.color, validation.edition));
}

export async function run(ctx: CommandContext): Promise<number> {
  const options = await readOptions(ctx);
  if (typeof options === 'number') return options;
  const { file, out, outFormat } = options;
  const bytes = await readInput(ctx, file);
  if (typeof bytes === 'number') return bytes;

  const importer = await loadImporter();
  const pdfjs = importer.fileKind(bytes) === 'pdf' ? loadPdfjs(importer) : undefined;
  const result = await importer.importFile(bytes, basename(file), {
    edition: options.edition,
    ...(options.partial ? { partial: true } : {}),
    ...(options.previous === undefined ? {} : { previous: options.previous }),
    ...(pdfjs ? { pdfjs } : {}),
  });
  if (!result.ok) {
    // A file that cannot be read at all (a scan, an old .doc) is an input error; a document that is
    // not a whole report was read and falls short.
    if (result.problem.unreadable) return fail(ctx, `${file}: ${result.problem.message[ctx.lang]}`, COMMAND);
    ctx.stderr.write(problemText(file, result.problem, ctx.lang, ctx.stderr.color));
    return NOT_A_REPORT;
  }

  const document = result.document;
  const text = outFormat === 'json' ? `${JSON.stringify(document, null, 2)}\n` : toYaml(document, basename(file));
  const writeFailed = await writeDocument(ctx, out, text);
  if (writeFailed !== undefined) return writeFailed;

  // The summary and findings go where the document does not.
  const report = out === undefined ? ctx.stderr : ctx.stdout;
  const target = out ?? (ctx.lang === 'zh' ? '（标准输出）' : '(stdout)');
  report.write(`${file} → ${target}\n`);
  report.write(fidelitySummary(result.fidelity, result.warnings, ctx.lang, report));
  const imported = { document, findings: result.findings, previous: options.previous };
  reportFindings(report, imported, text, out, target, ctx.lang);
  // Imported: broken totals and the like are findings about the published report, not a failed import.
  return EXIT.OK;
}
