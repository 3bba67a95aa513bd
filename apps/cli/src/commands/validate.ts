/** `nianbao validate <report> [--previous <file>] [--format text|json] [--lang zh|en] [--rules <file>]... [--extension <folder>]...` */
import type { Finding, RuleSet } from '@nianbao/validator';
import { choice, COMMON_OPTIONS, parseCommandArgs } from '../args.js';
import { loadCore } from '../core-loader.js';
import { applyCliExtensions, EXTENSION_HELP, loadCliExtensions } from '../extensions.js';
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
${EXTENSION_HELP.zh}  -h, --help           显示本帮助

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
${EXTENSION_HELP.en}  -h, --help           show this help

Exit codes: 0 no errors (warnings are still listed); 1 errors found;
            2 cannot read a file, not a report, bad arguments, a bad rules file or extension (the reason is
            printed on one line on stderr).
`,
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export async function run(ctx: CommandContext): Promise<number> {
  const parsed = parseCommandArgs(ctx.argv, {
    ...COMMON_OPTIONS,
    previous: { type: 'string' },
    format: { type: 'string' },
    rules: { type: 'string', multiple: true },
    extension: { type: 'string', multiple: true },
  });
  if (!parsed.ok) return usageError(ctx, parsed.reason, COMMAND);
  if (parsed.values.help) {
    ctx.stdout.write(help[ctx.lang]);
    return EXIT.OK;
  }
  const format = choice('format', parsed.values.format, ['text', 'json'] as const, 'text');
  if (!format.ok) return usageError(ctx, format.reason, COMMAND);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined)
    return usageError(ctx, { zh: '缺少要检查的报告文件', en: 'missing the report file to check' }, COMMAND);
  if (extra.length > 0) {
    return usageError(
      ctx,
      {
        zh: `一次只能检查一个报告文件，多出了 ${extra.join(' ')}`,
        en: `one report file at a time; unexpected ${extra.join(' ')}`,
      },
      COMMAND,
    );
  }

  const report = await readSource(ctx, file, { command: COMMAND });
  if (!report.ok) return report.exitCode;

  let previous: unknown;
  if (parsed.values.previous !== undefined) {
    const role = { zh: '上年报告', en: 'previous report' };
    const loaded = await readSource(ctx, parsed.values.previous, { command: COMMAND, role });
    if (!loaded.ok) return loaded.exitCode;
    const { isEdition } = loadCore();
    const document = loaded.source.document;
    if (!isPlainObject(document) || !isEdition(document.edition)) {
      return fail(
        ctx,
        `${location(parsed.values.previous, loaded.source.locate('/edition'))}: ${
          ctx.lang === 'zh'
            ? '上年报告：这不是已知格式版本的年报文档（edition 应为 "2019" 或 "2021"）。'
            : 'previous report: not a report of a known edition (edition must be "2019" or "2021").'
        }`,
        COMMAND,
      );
    }
    previous = document;
  }

  const { validateReport, checkRuleSet } = loadCore();
  const extraRules: RuleSet[] = [];
  for (const rulesFile of parsed.values.rules ?? []) {
    const role = { zh: '规则文件', en: 'rules file' };
    const loaded = await readSource(ctx, rulesFile, { command: COMMAND, role });
    if (!loaded.ok) return loaded.exitCode;
    const problems = checkRuleSet(loaded.source.document).filter((finding) => finding.severity === 'error');
    const first = problems[0];
    if (first) {
      const more = problems.length - 1;
      const tail = more === 0 ? '' : ctx.lang === 'zh' ? `（另有 ${more} 个问题）` : ` (and ${more} more)`;
      return fail(
        ctx,
        `${location(rulesFile, loaded.source.locate(first.pointer))}: ${role[ctx.lang]}${ctx.lang === 'zh' ? '：' : ': '}${first.message[ctx.lang]}${tail}`,
        COMMAND,
      );
    }
    extraRules.push(loaded.source.document as RuleSet);
  }

  const options: import('@nianbao/validator').ValidateOptions = { previous, extraRules };
  const folders = parsed.values.extension ?? [];
  const document = report.source.document;
  if (folders.length > 0) {
    const extensions = await loadCliExtensions(folders, ctx.lang);
    if (!extensions.ok) return fail(ctx, extensions.reason, COMMAND);
    const { isEdition } = loadCore();
    // A document without a known edition is refused below, extensions or not.
    if (isPlainObject(document) && isEdition(document.edition)) {
      const applied = await applyCliExtensions(extensions.extensions, document.edition, ctx.lang);
      if (!applied.ok) return fail(ctx, applied.reason, COMMAND);
      options.schema = applied.applied.schema;
      options.severity = applied.applied.severity;
      extraRules.push(...applied.applied.extraRules);
    }
  }
  const result = validateReport(document, options);
  if (result.edition === undefined) {
    // Not a report, or an unknown edition: nothing else can be checked, so this is a failure to
    // run (exit 2), reported like one — a single line.
    const finding = result.findings[0];
    const reason =
      finding?.message[ctx.lang] ?? (ctx.lang === 'zh' ? '这不是一份年报文档。' : 'This is not a report document.');
    return fail(ctx, `${location(file, report.source.locate(finding?.pointer ?? ''))}: ${reason}`, COMMAND);
  }
  // Characters the PDF cannot draw: warnings, so `valid` does not change.
  result.findings.push(...(await glyphFindings(document, options.schema)));

  if (format.value === 'json') {
    ctx.stdout.write(findingsAsJson(result.findings, report.source.locate));
  } else {
    const locate = report.source.locate;
    const line = (finding: Finding) => locate(finding.pointer)?.line ?? 0;
    // Errors first, then by place in the file; the validator's order breaks ties.
    const ordered = result.findings
      .map((finding, index) => ({ finding, index, line: line(finding) }))
      .sort(
        (a, b) =>
          SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] ||
          a.line - b.line ||
          a.index - b.index,
      )
      .map((entry) => entry.finding);
    writeFindings((text) => ctx.stdout.write(text), ordered, file, locate, ctx.lang, ctx.stdout.color);
    ctx.stdout.write(summaryLine(file, countBySeverity(result.findings), ctx.lang, ctx.stdout.color, result.edition));
  }
  return result.valid ? EXIT.OK : EXIT.FINDINGS;
}
