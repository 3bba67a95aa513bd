import { readFileSync } from 'node:fs';
import { commands, findCommand } from './commands/index.js';
import { EXIT, usageError, type CommandContext, type Lang, type Output } from './output.js';

export interface Io {
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function generalHelp(lang: Lang): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 3;
  const list = commands.map((command) => `  ${command.name.padEnd(width)}${command.summary[lang]}`).join('\n');
  return lang === 'zh'
    ? `nianbao ${version()} — 政府信息公开工作年度报告：数据化、校验、发布

用法：nianbao <命令> [参数] [选项]

命令：
${list}

选项：
  -h, --help       显示帮助（nianbao <命令> --help 显示该命令的用法）
  -v, --version    显示版本
  --lang zh|en     输出语言（默认 zh）

退出码：0 成功；1 报告有错误；2 无法完成（文件无法读取、不是年报、参数有误）。
`
    : `nianbao ${version()} — the Government Information Disclosure Annual Report as data: check, publish

Usage: nianbao <command> [arguments] [options]

Commands:
${list}

Options:
  -h, --help       show help (nianbao <command> --help shows that command's usage)
  -v, --version    show the version
  --lang zh|en     language of the output (default zh)

Exit codes: 0 success; 1 the report has errors; 2 could not run (unreadable file, not a report,
bad arguments).
`;
}

/**
 * `--lang` may appear anywhere (before or after the command); it is read first so that even
 * argument errors are reported in the chosen language.
 */
export function findLang(argv: string[]): { ok: true; lang: Lang } | { ok: false; value: string } {
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') lang = argv[i + 1] ?? '';
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
  }
  if (lang === undefined) return { ok: true, lang: 'zh' };
  return lang === 'zh' || lang === 'en' ? { ok: true, lang } : { ok: false, value: lang };
}

/** Runs the CLI and returns its exit code. Never calls process.exit; throws only on internal errors. */
export async function main(argv: string[], io: Io): Promise<number> {
  const language = findLang(argv);
  if (!language.ok) {
    io.stderr.write(
      `nianbao: --lang 只能是 zh 或 en / --lang must be zh or en, not ${JSON.stringify(language.value)}\n`,
    );
    return EXIT.FAILURE;
  }
  const ctx: CommandContext = {
    argv: [],
    lang: language.lang,
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
    cwd: io.cwd,
    version: version(),
  };

  // Options before the command name.
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-')) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      io.stdout.write(generalHelp(ctx.lang));
      return EXIT.OK;
    }
    if (arg === '-v' || arg === '--version') {
      io.stdout.write(`${ctx.version}\n`);
      return EXIT.OK;
    }
    if (arg === '--lang') i += 2;
    else if (arg.startsWith('--lang=')) i += 1;
    else return usageError(ctx, { zh: `未知选项 ${arg}`, en: `unknown option ${arg}` });
  }
  const name = argv[i];
  if (name === undefined) {
    return usageError(ctx, {
      zh: `缺少命令，可用的命令：${commands.map((c) => c.name).join('、')}`,
      en: `missing a command, one of: ${commands.map((c) => c.name).join(', ')}`,
    });
  }
  const spec = findCommand(name);
  if (!spec) {
    return usageError(ctx, {
      zh: `未知命令 ${JSON.stringify(name)}，可用的命令：${commands.map((c) => c.name).join('、')}`,
      en: `unknown command ${JSON.stringify(name)}, one of: ${commands.map((c) => c.name).join(', ')}`,
    });
  }
  const command = await spec.load();
  return command.run({ ...ctx, argv: argv.slice(i + 1) });
}
