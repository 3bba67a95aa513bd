/**
 * `nianbao portal serve|agency|ingest`: the open-data portal (apps/portal, loaded at run time so
 * the other commands never load a database driver).
 */
import { COMMON_OPTIONS, parseCommandArgs } from '../args.js';
import { expandInputs } from '../build/inputs.js';
import { createProgress } from '../build/progress.js';
import { loadCore } from '../core-loader.js';
import { EXIT, fail, usageError, type CommandContext } from '../output.js';

const COMMAND = 'portal';

export const help = {
  zh: `用法：
  nianbao portal serve --data <目录> [--port 8080] [--database-url postgres://…] [--extension <目录>]...
  nianbao portal agency add --data <目录> --name <机关名称> --code <统一社会信用代码|行政区划代码-机关名称> [--admin]
  nianbao portal agency remove --data <目录> --code <代码>
  nianbao portal ingest <目录|文件|通配符>... --url <门户地址> --token <令牌> [--imported] [--jobs 4]

serve   启动开放数据门户：默认使用数据目录中的内置数据库（PGlite），无需另装；
        给出 --database-url（或环境变量 DATABASE_URL）时使用 PostgreSQL 服务器。启动时自动迁移数据库结构。
        --extension：提交的报告按本地扩展（新增字段、规则、级别调整）校验。
agency add  登记机关并生成其提交令牌：令牌只显示一次，单独在标准输出的最后一行（库中只存其哈希）。
        --admin 生成管理员令牌（管理机关、导入已发布的报告）。
ingest  把多份报告（JSON 或 YAML）提交到门户，显示进度；每份报告单独提交，中断后重新运行即可补齐。
        --imported 以管理员令牌导入已发布的报告：有错误也保存（标注问题并注明为导入）。

退出码：0 成功；1 有报告被拒绝；2 参数有误或无法连接。
`,
  en: `Usage:
  nianbao portal serve --data <dir> [--port 8080] [--database-url postgres://…] [--extension <folder>]...
  nianbao portal agency add --data <dir> --name <agency name> --code <credit code|division code-agency name> [--admin]
  nianbao portal agency remove --data <dir> --code <code>
  nianbao portal ingest <folder|file|glob>... --url <portal URL> --token <token> [--imported] [--jobs 4]

serve   starts the open-data portal: by default on the embedded database (PGlite) in the data folder,
        nothing else to install; with --database-url (or DATABASE_URL) on a PostgreSQL server.
        Migrations run at start. --extension: submitted reports are validated with local extensions
        (added fields, rules, severity overrides).
agency add  registers an agency and makes its token, printed once, alone on the last line of stdout
        (only its hash is stored). --admin makes an admin token (manages agencies, ingests published reports).
ingest  submits many reports (JSON or YAML) with a progress bar; one request per report, so a rerun
        after an interruption completes it. --imported (admin token): published reports are stored
        with their findings flagged instead of refused.

Exit codes: 0 done; 1 a report was refused; 2 bad arguments or the portal cannot be reached.
`,
};

const OPTIONS = {
  ...COMMON_OPTIONS,
  data: { type: 'string' },
  'database-url': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  name: { type: 'string' },
  code: { type: 'string' },
  division: { type: 'string' },
  level: { type: 'string' },
  admin: { type: 'boolean' },
  url: { type: 'string' },
  token: { type: 'string' },
  imported: { type: 'boolean' },
  jobs: { type: 'string' },
  extension: { type: 'string', multiple: true },
} as const;

type Values = Extract<ReturnType<typeof parseCommandArgs<typeof OPTIONS>>, { ok: true }>['values'];

export async function run(ctx: CommandContext): Promise<number> {
  const parsed = parseCommandArgs(ctx.argv, OPTIONS);
  if (!parsed.ok) return usageError(ctx, parsed.reason, COMMAND);
  if (parsed.values.help) {
    ctx.stdout.write(help[ctx.lang]);
    return EXIT.OK;
  }
  const [sub, ...rest] = parsed.positionals;
  try {
    if (sub === 'serve') return await serve(ctx, parsed.values);
    if (sub === 'agency' && (rest[0] === 'add' || rest[0] === 'remove'))
      return await agency(ctx, parsed.values, rest[0]);
    if (sub === 'ingest') return await ingest(ctx, parsed.values, rest);
  } catch (error) {
    return fail(ctx, (error instanceof Error ? error.message : String(error)).split('\n')[0]!, COMMAND);
  }
  return usageError(
    ctx,
    { zh: '请给出 serve、agency add、agency remove 或 ingest', en: 'give serve, agency add, agency remove or ingest' },
    COMMAND,
  );
}

function where(ctx: CommandContext, values: Values): { dataDir?: string; databaseUrl?: string } | undefined {
  const databaseUrl = values['database-url'] ?? ctx.env.DATABASE_URL;
  if (databaseUrl) return { databaseUrl };
  if (values.data) return { dataDir: values.data };
  return undefined;
}

const missingData = { zh: '缺少 --data <目录>（或 --database-url）', en: 'missing --data <dir> (or --database-url)' };

async function serve(ctx: CommandContext, values: Values): Promise<number> {
  const target = where(ctx, values);
  if (!target) return usageError(ctx, missingData, COMMAND);
  const port = Number(values.port ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return usageError(
      ctx,
      { zh: `--port 须为端口号：${values.port}`, en: `--port takes a port number: ${values.port}` },
      COMMAND,
    );
  const validation = await extensionValidation(ctx, values.extension ?? []);
  if (typeof validation === 'string') return fail(ctx, validation, COMMAND);
  const { openPortal, servePortal } = await import('@nianbao/portal');
  const portal = await openPortal({ ...target, validation });
  const server = await servePortal(portal, port, values.host ?? '0.0.0.0');
  const engine = portal.db.kind === 'pglite' ? `PGlite ${target.dataDir}` : 'PostgreSQL';
  ctx.stdout.write(`nianbao portal: http://localhost:${server.port}/ (${engine})\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await server.close();
  await portal.close();
  return signal === 'SIGINT' ? 130 : 143;
}

async function agency(ctx: CommandContext, values: Values, action: 'add' | 'remove'): Promise<number> {
  const target = where(ctx, values);
  if (!target) return usageError(ctx, missingData, COMMAND);
  if (!values.code) return usageError(ctx, { zh: '缺少 --code', en: 'missing --code' }, COMMAND);
  if (action === 'add' && !values.name) return usageError(ctx, { zh: '缺少 --name', en: 'missing --name' }, COMMAND);
  const { openPortal, addAgency, setAgencyRemoved } = await import('@nianbao/portal');
  const portal = await openPortal(target);
  try {
    if (action === 'remove') {
      const removed = await setAgencyRemoved(portal.db, values.code, true);
      if (!removed) return fail(ctx, `no agency with the code ${values.code}`, COMMAND);
      ctx.stdout.write(`removed: ${removed.name} (${removed.code})\n`);
      return EXIT.OK;
    }
    const added = await addAgency(portal.db, {
      name: values.name!,
      code: values.code,
      ...(values.division ? { division: values.division } : {}),
      ...(values.level ? { level: values.level } : {}),
      admin: values.admin === true,
    });
    if (!('token' in added)) return fail(ctx, added.message, COMMAND);
    ctx.stdout.write(
      `${ctx.lang === 'zh' ? '已登记' : 'registered'}: ${added.agency.name} (${added.agency.code})${added.agency.admin ? ' [admin]' : ''}\n`,
    );
    ctx.stdout.write(`${ctx.lang === 'zh' ? '令牌（只显示这一次）' : 'token (shown once)'}:\n${added.token}\n`);
    return EXIT.OK;
  } finally {
    await portal.close();
  }
}

async function submitOne(
  url: string,
  token: string,
  body: string,
): Promise<{ ok: boolean; detail: string; fatal?: boolean }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const answer = (await response.json().catch(() => ({}))) as {
      revision?: number;
      unchanged?: boolean;
      error?: { message?: string };
    };
    if (response.ok)
      return { ok: true, detail: answer.unchanged ? `unchanged r${answer.revision}` : `r${answer.revision}` };
    return { ok: false, detail: `${response.status} ${answer.error?.message ?? ''}`, fatal: response.status === 401 };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    return { ok: false, detail: `cannot reach ${url} (${cause})`, fatal: true };
  }
}

const isReportLike = (document: unknown) =>
  typeof document === 'object' && document !== null && !Array.isArray(document) && 'edition' in document;

async function ingest(ctx: CommandContext, values: Values, inputs: string[]): Promise<number> {
  if (inputs.length === 0)
    return usageError(ctx, { zh: '缺少要提交的报告', en: 'missing the reports to submit' }, COMMAND);
  if (!values.url || !values.token)
    return usageError(ctx, { zh: '缺少 --url 或 --token', en: 'missing --url or --token' }, COMMAND);
  const jobs = Number(values.jobs ?? '4');
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    return usageError(ctx, { zh: '--jobs 须为 1–64', en: '--jobs takes 1–64' }, COMMAND);
  const expanded = await expandInputs(inputs);
  if (!expanded.ok) return fail(ctx, expanded.reason[ctx.lang], COMMAND);
  const endpoint = `${values.url.replace(/\/+$/, '')}/api/reports${values.imported ? '?imported=true' : ''}`;
  const { readReportFile, formatProblem } = loadCore();
  const progress = createProgress(expanded.inputs.length, process.stderr, { built: 'stored', failed: 'refused' });
  const refused: string[] = [];
  const skipped: string[] = [];
  let fatal = false;
  let next = 0;
  const worker = async () => {
    while (!fatal && next < expanded.inputs.length) {
      const { path } = expanded.inputs[next++]!;
      const read = await readReportFile(path);
      // A folder of reports may hold other JSON or YAML (an extension, a config): a file that does
      // not declare an edition is skipped, not sent to be refused.
      if (read.ok && !isReportLike(read.document)) {
        skipped.push(path);
        progress.report({ path, ok: true, detail: 'skipped: not a report document' });
        continue;
      }
      const outcome = read.ok
        ? await submitOne(endpoint, values.token!, JSON.stringify(read.document))
        : { ok: false, detail: formatProblem(read.problem, { file: path, lang: ctx.lang }) };
      if (!outcome.ok) refused.push(`${path}: ${outcome.detail}`);
      if ('fatal' in outcome && outcome.fatal) fatal = true;
      progress.report({ path, ok: outcome.ok, detail: outcome.detail });
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, expanded.inputs.length) }, worker));
  progress.finish();
  for (const line of refused) ctx.stderr.write(`${line}\n`);
  const reports = expanded.inputs.length - skipped.length;
  const note = skipped.length > 0 ? ` (${skipped.length} other files skipped: not report documents)` : '';
  ctx.stdout.write(`${reports - refused.length}/${reports} stored${note}\n`);
  if (fatal) return EXIT.FAILURE;
  return refused.length > 0 ? EXIT.FINDINGS : EXIT.OK;
}

/** `--extension`: what the local extensions add to the validation of each edition, or one line of reason. */
async function extensionValidation(ctx: CommandContext, folders: readonly string[]) {
  const validation: import('@nianbao/portal').ValidationByEdition = {};
  if (folders.length === 0) return validation;
  const { loadCliExtensions, applyCliExtensions } = await import('../extensions.js');
  const loaded = await loadCliExtensions(folders, ctx.lang);
  if (!loaded.ok) return loaded.reason;
  for (const edition of ['2019', '2021'] as const) {
    const applied = await applyCliExtensions(loaded.extensions, edition, ctx.lang);
    if (!applied.ok) return applied.reason;
    const { schema, extraRules, severity } = applied.applied;
    validation[edition] = { schema, extraRules, severity };
  }
  return validation;
}
