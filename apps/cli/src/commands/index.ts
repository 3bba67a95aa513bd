/**
 * The command registry. A command is one module `src/commands/<name>.ts` exporting `help` and
 * `run`; register it here with its name and one-line summary. Modules are imported only when the
 * command runs, so `nianbao --help` and every other command start fast.
 */
import type { CommandContext, LocalizedText } from '../output.js';

export interface CommandModule {
  /** Full usage text shown by `nianbao <name> --help` (ends with a newline). */
  help: LocalizedText;
  /**
   * Runs with `ctx.argv` = the arguments after the command name (including --lang and --help,
   * which the command parses too). Returns the exit code (see EXIT in ../output.ts); prints
   * failures as one line on stderr. Must not call process.exit.
   */
  run(ctx: CommandContext): Promise<number>;
}

export interface CommandSpec {
  name: string;
  /** One line for `nianbao --help`. */
  summary: LocalizedText;
  load(): Promise<CommandModule>;
}

export const commands: readonly CommandSpec[] = [
  {
    name: 'validate',
    summary: {
      zh: '检查报告源文件（JSON 或 YAML）是否符合国家格式和数据规则',
      en: 'check a report source file (JSON or YAML) against the national format and its data rules',
    },
    load: () => import('./validate.js'),
  },
  {
    name: 'build',
    summary: {
      zh: '检查并生成网页、PDF 和开放数据（可批量）',
      en: 'check and build the HTML page, PDF and open data (one report or many)',
    },
    load: () => import('./build.js'),
  },
  {
    name: 'import',
    summary: {
      zh: '把已发布的年报网页（HTML 或文本）读回为报告源文件，并校验',
      en: 'read a published report page (HTML or text) back into a report source file, and validate it',
    },
    load: () => import('./import.js'),
  },
  {
    name: 'serve',
    summary: {
      zh: '在浏览器中编辑、检查、预览和发布目录中的年报',
      en: 'edit, check, preview and publish the reports of a folder in a browser',
    },
    load: () => import('./serve.js'),
  },
  {
    name: 'compare',
    summary: {
      zh: '比较两个年度的报告：逐项数字变化、上年结转核对、正文与上年相同的比例（网页和 PDF）',
      en: "compare two years' reports: every number's change, the carry-over check, text copied from last year (HTML and PDF)",
    },
    load: () => import('./compare.js'),
  },
  {
    name: 'migrate',
    summary: {
      zh: '把2019年格式的报告转为2021年格式（按声明的对应关系，不编造数字）',
      en: 'turn a 2019-edition report into a 2021-edition one (by the declared mapping; nothing invented)',
    },
    load: () => import('./migrate.js'),
  },
  {
    name: 'new',
    summary: {
      zh: '生成空白年报：Excel 工作簿（官方表格、公式、数据验证）或报告源文件',
      en: 'write an empty report: an Excel workbook (official tables, formulas, validation) or a source file',
    },
    load: () => import('./new.js'),
  },
  {
    name: 'export',
    summary: {
      zh: '把报告导出为 Excel 工作簿（可用 import 读回）',
      en: 'export a report as an Excel workbook (import reads it back)',
    },
    load: () => import('./export.js'),
  },
  {
    name: 'portal',
    summary: {
      zh: '开放数据门户：启动服务、登记机关、批量提交报告',
      en: 'the open-data portal: serve it, register agencies, ingest reports',
    },
    load: () => import('./portal.js'),
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return commands.find((command) => command.name === name);
}
