/** `nianbao validate <report> [--previous <file>] [--format text|json] [--lang zh|en] [--rules <file>]... [--extension <folder>]... [--fonts role=file]...` */
import type { Finding, RuleSet } from '@nianbao/validator';
import { choice, COMMON_OPTIONS, parseCommandArgs } from '../args.js';
import { loadCore } from '../core-loader.js';
import { applyCliExtensions, EXTENSION_HELP, loadCliExtensions } from '../extensions.js';
import { fontRolesFor } from '../font-config.js';
import { glyphFindings } from '../glyph-findings.js';
import { isPlainObject, readSource } from '../input.js';
import {
  countBySeverity,
  EXIT,
  fail,
  findingsAsJson,
  writeFindings,
  location,
  summaryLine,
  usageError,
  type CommandContext,
  type Locator,
} from '../output.js';

const COMMAND = 'validate';

export const help = {
  zh: `用法：nianbao validate <报告.yaml|报告.json> [选项]

按国家格式（由文件中的 edition 决定：2019年格式或2021年格式）和数据规则检查一份年报源文件，
列出全部错误和警告：位置（文件:行:列）、规则编号、JSON 指针和说明。

选项：
  --previous <文件>    上一年度的报告：核对“上年结转”（X-CARRY）和“现行有效件数”（X-VALID）
  --format text|json   输出格式（默认 text）；json：在标准输出打印问题数组（含行、列）
  --lang zh|en         输出语言（默认 zh）
  --rules <文件>       附加的规则文件（格式同 schemas/rules-*.json，JSON 或 YAML），可重复
${EXTENSION_HELP.zh}  --fonts 角色=字体文件  PDF 字体（title、body、heading1、heading2），检查各角色字体是否有报告所用的字
                       （I-GLYPH 警告）；覆盖报告旁 nianbao.config.json 中的同一角色
  -h, --help           显示本帮助

退出码：0 没有错误（警告照常列出）；1 有错误；
        2 无法读取文件、不是年报、参数有误、规则文件或本地扩展有误（原因打印在标准错误的一行中）。
`,
  en: `Usage: nianbao validate <report.yaml|report.json> [options]

Checks one report source file against the national format (the edition named in the file:
2019 or 2021) and its data rules, and lists every error and warning with its place
(file:line:column), rule id, JSON Pointer and explanation.

Options:
  --previous <file>    last year's report: checks 上年结转 (X-CARRY) and 现行有效件数 (X-VALID)
  --format text|json   output format (default text); json: an array of findings (with line and
                       column) on stdout
  --lang zh|en         language of the output (default zh)
  --rules <file>       an extra rules file (same form as schemas/rules-*.json, JSON or YAML);
                       may be repeated
${EXTENSION_HELP.en}  --fonts role=file    a PDF font (roles title, body, heading1, heading2): I-GLYPH warns of
                       characters the report uses in a role that its font lacks; replaces the same
                       role of the nianbao.config.json found beside the report
  -h, --help           show this help

Exit codes: 0 no errors (warnings are still listed); 1 errors found;
            2 cannot read a file, not a report, bad arguments, a bad rules file or extension (the reason is
            printed on one line on stderr).
`,
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** A step of `run`: its value, or the exit code the command ends with (the message already written). */
type Step<T> = { ok: true; value: T } | { ok: false; exitCode: number };
const ROLE_PREVIOUS = { zh: '上年报告', en: 'previous report' };
const ROLE_RULES = { zh: '规则文件', en: 'rules file' };

export async function run(ctx: CommandContext): Promise<number> {
  const parsed = parseCommandArgs(ctx.argv, {
    ...COMMON_OPTIONS,
    previous: { type: 'string' },
    format: { type: 'string' },
    rules: { type: 'string', multiple: true },
    extension: { type: 'string', multiple: true },
    fonts: { type: 'string', multiple: true },
  });
  if (!parsed.ok) return usageError(ctx, parsed.reason, COMMAND);
  if (parsed.values.help) {
    ctx.stdout.write(help[ctx.lang]);
    return EXIT.OK;
  }
  const format = choice('format', parsed.values.format, ['text', 'json'] as const, 'text');
  if (!format.ok) return usageError(ctx, format.reason, COMMAND);
  const file = reportFile(ctx, parsed.positionals);
  if (!file.ok) return file.exitCode;

  const report = await readSource(ctx, file.value, { command: COMMAND });
  if (!report.ok) return report.exitCode;
  const previous = await readPrevious(ctx, parsed.values.previous);
  if (!previous.ok) return previous.exitCode;
  const extraRules = await readRuleFiles(ctx, parsed.values.rules ?? []);
  if (!extraRules.ok) return extraRules.exitCode;
  const options: import('@nianbao/validator').ValidateOptions = {
    previous: previous.value,
    extraRules: extraRules.value,
  };
  const document = report.source.document;
  const extended = await applyExtensions(ctx, parsed.values.extension ?? [], document, options);
  if (!extended.ok) return extended.exitCode;

  const result = loadCore().validateReport(document, options);
  if (result.edition === undefined) {
    // Not a report, or an unknown edition: nothing else can be checked, so this is a failure to
    // run (exit 2), reported like one — a single line.
    const finding = result.findings[0];
    const reason =
      finding?.message[ctx.lang] ?? (ctx.lang === 'zh' ? '这不是一份年报文档。' : 'This is not a report document.');
    return fail(ctx, `${location(file.value, report.source.locate(finding?.pointer ?? ''))}: ${reason}`, COMMAND);
  }
  // Characters the PDF's fonts (the office's, from nianbao.config.json / --fonts) cannot draw:
  // warnings, so `valid` does not change. A config or font that cannot be used is a failure (exit 2).
  const fonts = await fontRolesFor(file.value, parsed.values.fonts ?? [], ctx.lang);
  if (!fonts.ok) return fail(ctx, fonts.reason, COMMAND);
  result.findings.push(...(await glyphFindings(document, options.schema, fonts.fonts)));
  if (format.value === 'json') ctx.stdout.write(findingsAsJson(result.findings, report.source.locate));
  else writeText(ctx, file.value, report.source.locate, result.findings, result.edition);
  return result.valid ? EXIT.OK : EXIT.FINDINGS;
}

/** Exactly one report file among the positional arguments. */
function reportFile(ctx: CommandContext, positionals: string[]): Step<string> {
  const [file, ...extra] = positionals;
  if (file === undefined) {
    const reason = { zh: '缺少要检查的报告文件', en: 'missing the report file to check' };
    return { ok: false, exitCode: usageError(ctx, reason, COMMAND) };
  }
  if (extra.length > 0) {
    const reason = {
      zh: `一次只能检查一个报告文件，多出了 ${extra.join(' ')}`,
      en: `one report file at a time; unexpected ${extra.join(' ')}`,
    };
    return { ok: false, exitCode: usageError(ctx, reason, COMMAND) };
  }
  return { ok: true, value: file };
}

/** The --previous report, read and checked to be a report of a known edition (`command` names the errors). */
export async function readPrevious(
  ctx: CommandContext,
  file: string | undefined,
  command: string = COMMAND,
): Promise<Step<unknown>> {
  if (file === undefined) return { ok: true, value: undefined };
  const loaded = await readSource(ctx, file, { command, role: ROLE_PREVIOUS });
  if (!loaded.ok) return loaded;
  const { isEdition } = loadCore();
  const document = loaded.source.document;
  if (!isPlainObject(document) || !isEdition(document.edition)) {
    const exitCode = fail(
      ctx,
      `${location(file, loaded.source.locate('/edition'))}: ${
        ctx.lang === 'zh'
          ? '上年报告：这不是已知格式版本的年报文档（edition 应为 "2019" 或 "2021"）。'
          : 'previous report: not a report of a known edition (edition must be "2019" or "2021").'
      }`,
      command,
    );
    return { ok: false, exitCode };
  }
  return { ok: true, value: document };
}

/** The --rules files, each read and checked as a rule set; the first problem ends the command. */
async function readRuleFiles(ctx: CommandContext, files: string[]): Promise<Step<RuleSet[]>> {
  const { checkRuleSet } = loadCore();
  const extraRules: RuleSet[] = [];
  for (const rulesFile of files) {
    const loaded = await readSource(ctx, rulesFile, { command: COMMAND, role: ROLE_RULES });
    if (!loaded.ok) return loaded;
    const problems = checkRuleSet(loaded.source.document).filter((finding) => finding.severity === 'error');
    const first = problems[0];
    if (first) {
      const more = problems.length - 1;
      const tail = more === 0 ? '' : ctx.lang === 'zh' ? `（另有 ${more} 个问题）` : ` (and ${more} more)`;
      const exitCode = fail(
        ctx,
        `${location(rulesFile, loaded.source.locate(first.pointer))}: ${ROLE_RULES[ctx.lang]}${ctx.lang === 'zh' ? '：' : ': '}${first.message[ctx.lang]}${tail}`,
        COMMAND,
      );
      return { ok: false, exitCode };
    }
    extraRules.push(loaded.source.document as RuleSet);
  }
  return { ok: true, value: extraRules };
}

/** Applies the --extension folders to `options` (schema, severity, extra rules) for the document's edition. */
async function applyExtensions(
  ctx: CommandContext,
  folders: string[],
  document: unknown,
  options: import('@nianbao/validator').ValidateOptions,
): Promise<Step<void>> {
  if (folders.length === 0) return { ok: true, value: undefined };
  const extensions = await loadCliExtensions(folders, ctx.lang);
  if (!extensions.ok) return { ok: false, exitCode: fail(ctx, extensions.reason, COMMAND) };
  const { isEdition } = loadCore();
  // A document without a known edition is refused later, extensions or not.
  if (isPlainObject(document) && isEdition(document.edition)) {
    const applied = await applyCliExtensions(extensions.extensions, document.edition, ctx.lang);
    if (!applied.ok) return { ok: false, exitCode: fail(ctx, applied.reason, COMMAND) };
    options.schema = applied.applied.schema;
    options.severity = applied.applied.severity;
    options.extraRules = [...(options.extraRules ?? []), ...applied.applied.extraRules];
  }
  return { ok: true, value: undefined };
}

/** The findings as text: errors first, then by place in the file; the validator's order breaks ties. */
function writeText(ctx: CommandContext, file: string, locate: Locator, findings: Finding[], edition: string): void {
  const line = (finding: Finding) => locate(finding.pointer)?.line ?? 0;
  const ordered = findings
    .map((finding, index) => ({ finding, index, line: line(finding) }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.line - b.line || a.index - b.index,
    )
    .map((entry) => entry.finding);
  writeFindings((text) => ctx.stdout.write(text), ordered, file, locate, ctx.lang, ctx.stdout.color);
  ctx.stdout.write(summaryLine(file, countBySeverity(findings), ctx.lang, ctx.stdout.color, edition));
}
