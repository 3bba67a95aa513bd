/** `nianbao build <report|folder|glob>... --out <dir> [--formats html,pdf,json] [--pdfa] [--strict] [--jobs N] [--fonts role=file]` */
import { availableParallelism } from 'node:os';
import { unlinkSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COMMON_OPTIONS, parseCommandArgs } from '../args.js';
import { removePendingTempFilesSync, removeStaleTempFiles, writeFilesAtomically } from '../build/atomic.js';
import { expandInputs, OUTPUT_MARKER, type ReportInput } from '../build/inputs.js';
import { createWorkerPool } from '../build/pool.js';
import { createProgress } from '../build/progress.js';
import { buildReport, FORMATS, type BuildRequest, type BuildResult, type Format } from '../build/report-build.js';
import { loadCliExtensions } from '../extensions.js';
import { fontRolesFor } from '../font-config.js';
import {
  countBySeverity,
  EXIT,
  fail,
  summaryLine,
  usageError,
  writeFindings,
  type CommandContext,
  type LocalizedText,
} from '../output.js';

const COMMAND = 'build';
/** src/build/worker.ts as built: every output of the build sits in dist/ itself (scripts/build.mjs). */
const WORKER_URL = new URL('./build-worker.js', import.meta.url);

export const help = {
  zh: `用法：nianbao build <报告文件|目录|通配符>... --out <输出目录> [选项]

先按国家格式和数据规则检查报告；没有错误时生成：
  <输出目录>/<报告名>/index.html       完整网页
  <输出目录>/<报告名>/fragment.html    可粘贴到网站内容管理系统的片段
  <输出目录>/<报告名>/fragment-inline.html  同上，样式写在各元素上（系统会删除 <style> 时用）
  <输出目录>/<报告名>/report.pdf       A4 PDF
  <输出目录>/<报告名>/report.json      开放数据：规范的报告 JSON
  <输出目录>/<报告名>/report.csv       开放数据：每个统计表单元格一行
  <输出目录>/<报告名>/datapackage.json Frictionless 数据包说明
有错误时列出问题，不写任何文件。每个文件先写入临时文件再改名，中断的生成不会留下写了一半的文件。
给出目录或通配符（如 'reports/**/*.yaml'）时批量生成，按处理器核数并行；一份报告失败不影响其他报告。

选项：
  --out <目录>            输出目录（必填）
  --formats html,pdf,json  要生成的输出（默认全部）
  --pdfa                  生成 PDF/A-2b
  --strict                有警告也视为失败（不生成）
  --jobs <N>              并行数（默认为处理器核数）
  --extension <目录>      本地扩展（含 extension.json 的目录），可重复；新增的行显示在网页、PDF 和开放数据中
  --fonts 角色=字体文件    PDF 各角色所用字体：title（小标宋）、body（仿宋）、heading1（黑体“一、”）、
                          heading2（楷体“（一）”），如 --fonts body=/fonts/FZFSK.TTF，可重复或用逗号分隔，
                          也可给出 .json 配置文件；覆盖报告旁 nianbao.config.json 中的同一角色
  --lang zh|en            输出语言（默认 zh）
  -h, --help              显示本帮助

退出码：0 全部生成；1 有报告存在错误（或 --strict 时存在警告）；2 有报告无法读取、不是年报或参数有误；
        130/143 被中断（Ctrl-C / SIGTERM）。
`,
  en: `Usage: nianbao build <report file|folder|glob>... --out <dir> [options]

Checks each report against the national format and its data rules; when it has no errors, writes:
  <dir>/<report name>/index.html        the standalone page
  <dir>/<report name>/fragment.html     the fragment to paste into a website CMS
  <dir>/<report name>/fragment-inline.html  the same with inline styles (for a CMS that strips <style>)
  <dir>/<report name>/report.pdf        the A4 PDF
  <dir>/<report name>/report.json       open data: the canonical report JSON
  <dir>/<report name>/report.csv        open data: one line per table cell
  <dir>/<report name>/datapackage.json  the Frictionless data package descriptor
A report with errors gets its findings printed and nothing written. Every file is written to a
temporary name and renamed, so an interrupted build never leaves a half-written file.
A folder or a glob (e.g. 'reports/**/*.yaml') builds many reports in parallel, one worker per core;
one bad report does not stop the others.

Options:
  --out <dir>              output folder (required)
  --formats html,pdf,json  outputs to write (default: all)
  --pdfa                   write PDF/A-2b
  --strict                 warnings fail a report too (nothing written for it)
  --jobs <N>               parallel workers (default: the number of cores)
  --extension <folder>     a local extension (a folder with extension.json); may be repeated; the
                           rows it adds are shown in the page, the PDF and the open data
  --fonts role=file        the PDF font of a role: title (小标宋), body (仿宋), heading1 (黑体, 一、),
                           heading2 (楷体, （一）), e.g. --fonts body=/fonts/FZFSK.TTF; repeat it or
                           separate with commas, or give a .json config; replaces the same role of
                           the nianbao.config.json found beside the report (its folder or above)
  --lang zh|en             language of the output (default zh)
  -h, --help               show this help

Exit codes: 0 all built; 1 a report has errors (or warnings with --strict); 2 a report cannot be read,
is not a report, or bad arguments; 130/143 interrupted (Ctrl-C / SIGTERM).
`,
};

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

function parseFormats(value: string | undefined): { ok: true; formats: Format[] } | { ok: false; bad: string } {
  if (value === undefined) return { ok: true, formats: [...FORMATS] };
  const formats: Format[] = [];
  for (const part of value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    if (!(FORMATS as readonly string[]).includes(part)) return { ok: false, bad: part };
    if (!formats.includes(part as Format)) formats.push(part as Format);
  }
  return formats.length > 0 ? { ok: true, formats } : { ok: false, bad: value };
}

export async function run(ctx: CommandContext): Promise<number> {
  const parsed = parseCommandArgs(ctx.argv, {
    ...COMMON_OPTIONS,
    out: { type: 'string', short: 'o' },
    formats: { type: 'string' },
    pdfa: { type: 'boolean' },
    strict: { type: 'boolean' },
    jobs: { type: 'string' },
    extension: { type: 'string', multiple: true },
    fonts: { type: 'string', multiple: true },
  });
  if (!parsed.ok) return usageError(ctx, parsed.reason, COMMAND);
  if (parsed.values.help) {
    ctx.stdout.write(help[ctx.lang]);
    return EXIT.OK;
  }
  const options = buildOptions(ctx, parsed.positionals, parsed.values);
  if (typeof options === 'number') return options;
  const { out, formats, jobs } = options;

  const outProblem = await checkOutFolder(out);
  if (outProblem) return fail(ctx, outProblem[ctx.lang], COMMAND);
  const expanded = await expandInputs(parsed.positionals, [out]);
  if (!expanded.ok) return fail(ctx, expanded.reason[ctx.lang], COMMAND);
  const settings = {
    formats,
    pdfa: parsed.values.pdfa === true,
    strict: parsed.values.strict === true,
    lang: ctx.lang,
    extensions: parsed.values.extension ?? [],
    fonts: parsed.values.fonts ?? [],
  };
  // A bad --fonts stops the build before any report (a config beside the reports is checked per report).
  if (settings.fonts.length > 0 && formats.includes('pdf')) {
    const fonts = await fontRolesFor(undefined, settings.fonts, ctx.lang);
    if (!fonts.ok) return fail(ctx, fonts.reason, COMMAND);
  }
  // A bad extension stops the build before any report: every report would fail the same way.
  if (settings.extensions.length > 0) {
    const extensions = await loadCliExtensions(settings.extensions, ctx.lang);
    if (!extensions.ok) return fail(ctx, extensions.reason, COMMAND);
  }
  const inputs = expanded.inputs;
  const single = inputs.length === 1 && parsed.positionals.length === 1 && inputs[0]!.path === parsed.positionals[0];
  return buildInterruptibly(ctx, inputs, out, settings, jobs, single);
}

/** --out, --formats and --jobs checked; a number is the exit code of a usage error already written. */
function buildOptions(
  ctx: CommandContext,
  positionals: string[],
  values: { out?: string; formats?: string; jobs?: string },
): { out: string; formats: Format[]; jobs: number } | number {
  if (positionals.length === 0)
    return usageError(
      ctx,
      { zh: '缺少要生成的报告文件、目录或通配符', en: 'missing the report file, folder or glob to build' },
      COMMAND,
    );
  const out = values.out;
  if (out === undefined || out === '')
    return usageError(ctx, { zh: '缺少 --out <输出目录>', en: 'missing --out <dir>' }, COMMAND);
  const formats = parseFormats(values.formats);
  if (!formats.ok) {
    return usageError(
      ctx,
      {
        zh: `--formats 只能由 ${FORMATS.join('、')} 组成，不能是 ${JSON.stringify(formats.bad)}`,
        en: `--formats takes ${FORMATS.join(', ')}, not ${JSON.stringify(formats.bad)}`,
      },
      COMMAND,
    );
  }
  let jobs = availableParallelism();
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)
      return usageError(
        ctx,
        { zh: '--jobs 应为 1 到 256 的整数', en: '--jobs must be a whole number from 1 to 256' },
        COMMAND,
      );
  }
  return { out, formats: formats.formats, jobs };
}

/**
 * Builds one report in this thread, or many through a worker pool. Interruption: stop handing out
 * reports, stop the workers, remove temporary files, exit 130/143.
 */
async function buildInterruptibly(
  ctx: CommandContext,
  inputs: ReportInput[],
  out: string,
  settings: Settings,
  jobs: number,
  single: boolean,
): Promise<number> {
  let interrupted: keyof typeof SIGNAL_EXIT | undefined;
  let stopWorkers: (() => Promise<void>) | undefined;
  const onSignal = (signal: keyof typeof SIGNAL_EXIT) => {
    if (interrupted) return;
    interrupted = signal;
    removePendingTempFilesSync(unlinkSync);
    void stopWorkers?.();
  };
  const handlers = { SIGINT: () => onSignal('SIGINT'), SIGTERM: () => onSignal('SIGTERM') };
  process.on('SIGINT', handlers.SIGINT);
  process.on('SIGTERM', handlers.SIGTERM);
  try {
    if (single) return await buildOne(ctx, inputs[0]!, out, settings, () => interrupted);
    const size = Math.max(1, Math.min(jobs, inputs.length));
    const pool = size > 1 ? createWorkerPool<BuildRequest, BuildResult>(WORKER_URL, size) : undefined;
    stopWorkers = pool ? () => pool.terminate() : undefined;
    try {
      return await buildMany(
        ctx,
        inputs,
        out,
        settings,
        pool ? (request) => pool.run(request) : buildReport,
        pool ? size * 2 : 1,
        () => interrupted,
      );
    } finally {
      await pool?.close();
    }
  } finally {
    process.off('SIGINT', handlers.SIGINT);
    process.off('SIGTERM', handlers.SIGTERM);
    if (interrupted) removePendingTempFilesSync(unlinkSync);
  }
}

type Settings = Omit<BuildRequest, 'path'>;

/** --out must be a folder or not exist yet: a file there is found before anything is rendered. */
async function checkOutFolder(out: string): Promise<LocalizedText | undefined> {
  try {
    const info = await stat(out);
    if (!info.isDirectory())
      return { zh: `--out ${out} 是一个文件，不是目录`, en: `--out ${out} is a file, not a folder` };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      return { zh: `无法使用输出目录 ${out}`, en: `cannot use the output folder ${out}` };
  }
  return undefined;
}

/** Writes one report's outputs, marking --out as nianbao's (a later build never reads it as reports). */
async function writeOutputs(out: string, dir: string, files: Parameters<typeof writeFilesAtomically>[1]) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, OUTPUT_MARKER), 'Written by nianbao build: this folder holds outputs, not reports.\n');
  await removeStaleTempFiles(dir);
  await writeFilesAtomically(dir, files);
}

function printFindings(ctx: CommandContext, path: string, result: Extract<BuildResult, { findings: unknown }>): void {
  // Each finding carries its location already: look it up by pointer once, not per finding.
  const locations = new Map<string, { line: number; column: number }>();
  for (const finding of result.findings) {
    if (finding.location && !locations.has(finding.pointer)) locations.set(finding.pointer, finding.location);
  }
  const locate = (pointer: string) => locations.get(pointer);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...result.findings].sort(
    (a, b) => order[a.severity] - order[b.severity] || (a.location?.line ?? 0) - (b.location?.line ?? 0),
  );
  writeFindings((text) => ctx.stdout.write(text), sorted, path, locate, ctx.lang, ctx.stdout.color);
  ctx.stdout.write(summaryLine(path, countBySeverity(result.findings), ctx.lang, ctx.stdout.color, result.edition));
}

async function buildOne(
  ctx: CommandContext,
  input: ReportInput,
  out: string,
  settings: Settings,
  interrupted: () => string | undefined,
): Promise<number> {
  const result = await buildReport({ path: input.path, ...settings });
  if (interrupted()) return SIGNAL_EXIT[interrupted() as keyof typeof SIGNAL_EXIT];
  if (result.status === 'failed') return fail(ctx, result.reason, COMMAND);
  printFindings(ctx, input.path, result);
  if (result.status === 'invalid') {
    ctx.stderr.write(
      ctx.lang === 'zh'
        ? `${input.path}：有错误，未生成任何文件。\n`
        : `${input.path}: has errors; nothing was written.\n`,
    );
    return EXIT.FINDINGS;
  }
  const dir = join(out, input.outputName);
  try {
    await writeOutputs(out, dir, result.files);
  } catch (error) {
    if (interrupted()) return SIGNAL_EXIT[interrupted() as keyof typeof SIGNAL_EXIT];
    return fail(
      ctx,
      `${dir}: ${ctx.lang === 'zh' ? '无法写入' : 'cannot write'}: ${(error as Error).message}`,
      COMMAND,
    );
  }
  if (interrupted()) return SIGNAL_EXIT[interrupted() as keyof typeof SIGNAL_EXIT];
  for (const file of result.files)
    ctx.stdout.write(`${ctx.lang === 'zh' ? '已生成' : 'wrote'} ${join(dir, file.name)}\n`);
  return EXIT.OK;
}

async function buildMany(
  ctx: CommandContext,
  inputs: readonly ReportInput[],
  out: string,
  settings: Settings,
  build: (request: BuildRequest) => Promise<BuildResult>,
  concurrency: number,
  interrupted: () => string | undefined,
): Promise<number> {
  const zh = ctx.lang === 'zh';
  const progress = createProgress(inputs.length, process.stderr, {
    built: zh ? '已生成' : 'built',
    failed: zh ? '失败' : 'failed',
  });
  const failures: { path: string; reason: string; exit: number }[] = [];
  let built = 0;
  let warnings = 0;
  const runOne = async (input: ReportInput) => {
    let result: BuildResult;
    try {
      result = await build({ path: input.path, ...settings });
    } catch (error) {
      if (interrupted()) return;
      result = { status: 'failed', reason: `${input.path}: ${(error as Error).message}` };
    }
    if (interrupted()) return;
    if (result.status === 'built') {
      const dir = join(out, input.outputName);
      try {
        await writeOutputs(out, dir, result.files);
      } catch (error) {
        if (interrupted()) return;
        result = {
          status: 'failed',
          reason: `${dir}: ${zh ? '无法写入' : 'cannot write'}: ${(error as Error).message}`,
        };
      }
    }
    if (interrupted()) return;
    if (result.status === 'built') {
      built++;
      warnings += result.findings.filter((finding) => finding.severity === 'warning').length;
      progress.report({ path: input.path, ok: true });
    } else if (result.status === 'invalid') {
      const counts = countBySeverity(result.findings);
      const first = result.findings.find((finding) => finding.severity === 'error') ?? result.findings[0]!;
      const where = first.location ? `${input.path}:${first.location.line}:${first.location.column}` : input.path;
      const reason = `${where}: ${first.ruleId}: ${first.message[ctx.lang]}${zh ? `（共 ${counts.error} 个错误，${counts.warning} 个警告）` : ` (${counts.error} errors, ${counts.warning} warnings in all)`}`;
      failures.push({ path: input.path, reason, exit: EXIT.FINDINGS });
      progress.report({ path: input.path, ok: false, detail: reason });
    } else {
      failures.push({ path: input.path, reason: result.reason, exit: EXIT.FAILURE });
      progress.report({ path: input.path, ok: false, detail: result.reason });
    }
  };
  // Keep every worker busy: two reports in flight per worker, so one is queued while the other writes.
  let next = 0;
  const lanes = Array.from({ length: Math.min(inputs.length, concurrency) }, async () => {
    while (next < inputs.length && !interrupted()) await runOne(inputs[next++]!);
  });
  await Promise.all(lanes);
  progress.finish();
  if (interrupted()) {
    const signal = interrupted() as keyof typeof SIGNAL_EXIT;
    ctx.stderr.write(
      zh
        ? `已中断：${built} 份已生成，其余未生成；输出目录中没有写了一半的文件，重新运行即可继续。\n`
        : `interrupted: ${built} built, the rest not; no half-written file was left, run again to finish.\n`,
    );
    return SIGNAL_EXIT[signal];
  }
  ctx.stdout.write(
    zh
      ? `共 ${inputs.length} 份报告：已生成 ${built} 份，失败 ${failures.length} 份，警告 ${warnings} 个。输出目录：${out}\n`
      : `${inputs.length} reports: ${built} built, ${failures.length} failed, ${warnings} warnings. Output: ${out}\n`,
  );
  for (const failure of failures) ctx.stdout.write(`  ${zh ? '失败' : 'FAILED'}  ${failure.reason}\n`);
  if (failures.some((failure) => failure.exit === EXIT.FAILURE)) return EXIT.FAILURE;
  return failures.length > 0 ? EXIT.FINDINGS : EXIT.OK;
}
