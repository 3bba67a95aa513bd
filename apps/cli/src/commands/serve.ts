/** `nianbao serve [folder] [--port 4173] [--host 127.0.0.1] [--extension <folder>]... [--fonts role=file]...`: the publishing app on a folder of reports. */
import { join } from 'node:path';
import { COMMON_OPTIONS, parseCommandArgs } from '../args.js';
import { applyCliExtensions, loadCliExtensions } from '../extensions.js';
import { CONFIG_FILE, fontRolesFor } from '../font-config.js';
import { EXIT, fail, usageError, type CommandContext, type Lang } from '../output.js';

const COMMAND = 'serve';

export const help = {
  zh: `用法：nianbao serve [目录] [--port 4173] [--host 127.0.0.1]

在浏览器中编辑、检查、预览和发布年报：以目录（默认当前目录）中的报告源文件为存储，
启动本机网页服务并打印网址。保存时先写临时文件再改名，保留手写 YAML 的注释和键的顺序；
发布写入 <目录>/out/<报告名>/，与 nianbao build 相同。所有资源由本程序提供，不访问外网。

选项：
  --port <端口>     监听端口（默认 4173；0 表示任选空闲端口）
  --host <地址>     监听地址（默认 127.0.0.1，仅本机可访问；其他地址会打印警告）
  --extension <目录> 本地扩展（含 extension.json 的目录），可重复；启动时加载一次，编辑、检查、
                    预览和发布都使用其新增的行、规则和级别调整
  --fonts 角色=字体文件 PDF 各角色字体（title、body、heading1、heading2），同 build；覆盖该目录（或其上级）中
                    nianbao.config.json 的同一角色；启动时检查一次
  --lang zh|en      输出语言（默认 zh）
  -h, --help        显示本帮助

按 Ctrl-C 停止。退出码：0 正常停止；2 目录无法读取、端口被占用、扩展有误或参数有误。
`,
  en: `Usage: nianbao serve [folder] [--port 4173] [--host 127.0.0.1]

Edit, check, preview and publish reports in a browser: the report sources in the folder (default: the
current folder) are the storage; starts a local web server and prints its URL. Saving writes a
temporary file and renames it, keeping the comments and key order of a hand-written YAML file;
publishing writes <folder>/out/<report name>/, as nianbao build does. Every asset is served by this
program: nothing is fetched from the internet.

Options:
  --port <port>     port to listen on (default 4173; 0 picks a free one)
  --host <address>  address to listen on (default 127.0.0.1, this computer only; any other prints a warning)
  --extension <folder>  a local extension (a folder with extension.json); may be repeated; loaded once at
                    start, its added rows, rules and severity overrides are used to edit, check,
                    preview and publish
  --fonts role=file  a PDF font (title, body, heading1, heading2), as for build; replaces the same role
                    of the nianbao.config.json in the folder (or above); checked once at start
  --lang zh|en      language of the output (default zh)
  -h, --help        show this help

Stop with Ctrl-C. Exit codes: 0 stopped; 2 the folder cannot be read, the port is taken, a bad extension,
or bad arguments.
`,
};

export async function run(ctx: CommandContext): Promise<number> {
  const parsed = parseCommandArgs(ctx.argv, {
    ...COMMON_OPTIONS,
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    extension: { type: 'string', multiple: true },
    fonts: { type: 'string', multiple: true },
  });
  if (!parsed.ok) return usageError(ctx, parsed.reason, COMMAND);
  if (parsed.values.help) {
    ctx.stdout.write(help[ctx.lang]);
    return EXIT.OK;
  }
  if (parsed.positionals.length > 1)
    return usageError(ctx, { zh: '只能给出一个目录', en: 'give one folder only' }, COMMAND);
  const port = parsed.values.port === undefined ? 4173 : Number(parsed.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return usageError(
      ctx,
      { zh: '--port 应为 0 到 65535 的整数', en: '--port must be a whole number from 0 to 65535' },
      COMMAND,
    );
  const host = parsed.values.host ?? '127.0.0.1';
  const folder = parsed.positionals[0] ?? '.';
  const zh = ctx.lang === 'zh';
  const extensions = await serverExtensions(parsed.values.extension ?? [], ctx.lang);
  if (!extensions.ok) return fail(ctx, extensions.reason, COMMAND);
  // The PDF fonts: nianbao.config.json in the folder (or above) and --fonts, once for the whole session.
  const fonts = await fontRolesFor(join(folder, CONFIG_FILE), parsed.values.fonts ?? [], ctx.lang);
  if (!fonts.ok) return fail(ctx, fonts.reason, COMMAND);
  // Loaded at run time from its own package, so the app finds its built client next to its server.
  const { startServer, LOOPBACK } = await import('@nianbao/publisher');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ folder, port, host, extensions: extensions.byEdition, fonts: fonts.fonts });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'EADDRINUSE'
        ? zh
          ? `端口 ${port} 已被占用，请用 --port 指定其他端口`
          : `port ${port} is in use: choose another with --port`
        : `${folder}: ${(error as Error).message}`;
    return fail(ctx, reason, COMMAND);
  }
  // Listening for Ctrl-C before the URL is printed: a signal right after it still stops cleanly.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  if (!LOOPBACK.has(host))
    ctx.stderr.write(
      zh
        ? `警告：在 ${host} 上监听，网络中的其他计算机也可以访问（写入仍需本页面的会话令牌）。\n`
        : `warning: listening on ${host}: other computers on the network can reach it (writes still need the page's session token).\n`,
    );
  ctx.stdout.write(
    zh
      ? `年报编辑与发布：${server.url}\n目录：${server.folder}\n按 Ctrl-C 停止。\n`
      : `nianbao publisher: ${server.url}\nfolder: ${server.folder}\nPress Ctrl-C to stop.\n`,
  );
  await stopped;
  await server.close();
  return EXIT.OK;
}

type ServerExtensions =
  | { ok: true; byEdition: Record<string, import('@nianbao/extension').AppliedExtensions> }
  | { ok: false; reason: string };

/**
 * The extensions applied to every edition they list, once at start: a bad one stops the server before
 * it listens (one line, exit 2, as validate refuses it) rather than failing each report later.
 */
async function serverExtensions(folders: readonly string[], lang: Lang): Promise<ServerExtensions> {
  if (folders.length === 0) return { ok: true, byEdition: {} };
  const loaded = await loadCliExtensions(folders, lang);
  if (!loaded.ok) return loaded;
  const { EDITIONS } = await import('@nianbao/template');
  const byEdition: Record<string, import('@nianbao/extension').AppliedExtensions> = {};
  for (const edition of EDITIONS) {
    if (!loaded.extensions.some((extension) => extension.manifest.editions.includes(edition))) continue;
    const result = await applyCliExtensions(loaded.extensions, edition, lang);
    if (!result.ok) return result;
    byEdition[edition] = result.applied;
  }
  return { ok: true, byEdition };
}
