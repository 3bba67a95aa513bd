/**
 * The commands as users run them (the built CLI, real processes): `portal agency add` prints the
 * token alone on the last line; `portal serve` and `portal ingest`; kill -9 of the server in the
 * middle of an ingest leaves each report fully stored or absent, and rerunning the ingest completes it.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { validReport } from '@nianbao/fixtures';
import { reportId } from '@nianbao/open-data';
import { editionLayout } from '@nianbao/view-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './engines.js';
import { freePort, type PgServer, startPgServer } from './pg-server.js';

const CLI = fileURLToPath(new URL('../../cli/dist/bin.js', import.meta.url));
const REPORTS = 60;
const run = promisify(execFile);

/** Every process a test starts, killed in afterAll even when the test failed or timed out. */
const started: ChildProcess[] = [];

function serve(args: string[]): ChildProcess {
  const child = spawn(process.execPath, [CLI, 'portal', 'serve', ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
  started.push(child);
  return child;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`portal serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve),
  );

describe.each(ENGINES)('nianbao portal on %s', (engine) => {
  let dir: string;
  let server: PgServer | undefined;
  let target: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-portal-cli-'));
    // Distinct reports: the report id is 行政区划代码-机关名称-年度, so two generated reports of one
    // agency and year (which differ only in their credit code) would be one report.
    const seen = new Set<string>();
    for (let seed = 1, n = 0; n < REPORTS; seed++) {
      const report = validReport(seed % 3 === 0 ? '2019' : '2021', 9000 + seed);
      if (seen.has(reportId(report))) continue;
      seen.add(reportId(report));
      n++;
      writeFileSync(join(dir, `report-${String(seed).padStart(3, '0')}.json`), JSON.stringify(report));
    }
    // Not a report: skipped by the ingest, not refused.
    writeFileSync(join(dir, 'settings.json'), '{"theme": "dark"}');
    if (engine === 'postgres') server = await startPgServer();
    target = server ? ['--database-url', server.url] : ['--data', join(dir, 'portal')];
  });
  afterAll(() => {
    for (const child of started.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('agency add prints the token alone on the last line; kill -9 during an ingest, rerun completes it', async () => {
    const added = await run(process.execPath, [
      CLI,
      'portal',
      'agency',
      'add',
      ...target,
      '--name',
      '政务公开办',
      '--code',
      'admin',
      '--admin',
    ]);
    const token = added.stdout.trimEnd().split('\n').at(-1)!;
    expect(token).toMatch(/^[\w-]{43}$/);
    const refused = await run(process.execPath, [
      CLI,
      'portal',
      'agency',
      'add',
      ...target,
      '--name',
      '某局',
      '--code',
      '12345',
    ]).catch((error) => error);
    expect(refused.code).toBe(2);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let portal = serve([...target, '--port', String(port), '--host', '127.0.0.1']);
    await waitFor(`${url}/api/reports`, portal);
    const ingest = spawn(
      process.execPath,
      [CLI, 'portal', 'ingest', dir, '--url', url, '--token', token, '--jobs', '4'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    started.push(ingest);
    let ingestErrors = '';
    ingest.stderr?.on('data', (chunk: Buffer) => {
      ingestErrors += chunk.toString();
    });
    for (;;) {
      if (ingest.exitCode !== null)
        throw new Error(`the ingest ended (${ingest.exitCode}) before 5 reports: ${ingestErrors.slice(-2000)}`);
      const { total } = (await (await fetch(`${url}/api/reports?pageSize=1`)).json()) as { total: number };
      if (total >= 5) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    portal.kill('SIGKILL');
    await exited(portal);
    expect(await exited(ingest)).toBe(2);

    portal = serve([...target, '--port', String(port), '--host', '127.0.0.1']);
    await waitFor(`${url}/api/reports`, portal);
    const partial = (await (await fetch(`${url}/api/reports?pageSize=100`)).json()) as {
      total: number;
      items: { id: string; edition: string; revision: number }[];
    };
    expect(partial.total).toBeLessThan(REPORTS);
    for (const item of partial.items) {
      expect(item.revision).toBe(1);
      const cells = (await (
        await fetch(`${url}/api/cells?report=${encodeURIComponent(item.id)}&pageSize=10000`)
      ).json()) as { items: unknown[] };
      const expected = editionLayout(item.edition as '2019' | '2021').tables.reduce(
        (sum, table) => sum + table.cells.length,
        0,
      );
      expect(cells.items.length).toBe(expected);
    }
    const rerun = await run(process.execPath, [CLI, 'portal', 'ingest', dir, '--url', url, '--token', token]);
    expect(rerun.stdout).toContain(`${REPORTS}/${REPORTS} stored (1 other files skipped`);
    const full = (await (await fetch(`${url}/api/reports?pageSize=100`)).json()) as {
      total: number;
      items: { revision: number }[];
    };
    expect(full.total).toBe(REPORTS);
    expect(full.items.every((item) => item.revision === 1)).toBe(true);
    portal.kill('SIGTERM');
    expect(await exited(portal)).toBe(143);
    // Three PGlite opens (each ~6 s, up to a minute on a busy machine) and 120 submissions.
  }, 600_000);
});
