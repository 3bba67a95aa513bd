/**
 * The portal's benchmark: ingest N generated reports (@nianbao/fixtures, both editions) through the
 * API (parse, validate with the previous year, one transaction each), then p50/p95 of the public
 * queries at that size, on PGlite and on a PostgreSQL server started like the tests start theirs.
 *
 *   npm run bench -w @nianbao/portal -- --engine pglite      (or postgres, or both; 10,000 reports)
 *     [--reports 10000] [--ingest N: submit N, copy the rest in SQL] [--jobs 4] [--samples 40]
 *     [--explain plans.txt: EXPLAIN ANALYZE of every statement behind each query, per engine]
 *
 * Requests go to the app in-process (`app.request`: everything but the TCP socket; `--http`: the
 * submissions over a local socket, as `nianbao portal ingest` sends them). Results: a
 * markdown report on stdout (copied into BENCHMARKS.md) and bench/results.json (git-ignored). The
 * ingest is also given per CPU second of this process, which on a shared machine says what an idle
 * core would do (PGlite runs in this process; a PostgreSQL server's own CPU is not counted).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { validReport } from '@nianbao/fixtures';
import { addAgency, MEASURES, openPortal, type Portal, servePortal } from '../src/index.js';
import { rebuildRollup } from '../src/rollup.js';
import { startPgServer } from '../test/pg-server.js';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    ingest: { type: 'string' },
    engine: { type: 'string', default: 'both' },
    jobs: { type: 'string', default: '4' },
    samples: { type: 'string', default: '40' },
    /** Writes EXPLAIN ANALYZE of every statement each query runs to this file (one per engine). */
    explain: { type: 'string' },
    /** PGlite only: keep the database in this folder, and reuse it (no ingest) when it holds --reports already. */
    data: { type: 'string' },
    /** Submits over HTTP (the portal served on a local port, fetch from this process) instead of app.request. */
    http: { type: 'boolean', default: false },
  },
});
const N = Number(values.reports);
/** Reports submitted through the API; the database is then filled to N by copying them in SQL. */
const INGEST = Number(values.ingest ?? values.reports);
const JOBS = Number(values.jobs);
const SAMPLES = Number(values.samples);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function ingest(
  portal: Portal,
  token: string,
  bodies: string[],
): Promise<{ seconds: number; cpuSeconds: number; statuses: Record<number, number> }> {
  const statuses: Record<number, number> = {};
  let next = 0;
  const server = values.http ? await servePortal(portal, 0, '127.0.0.1') : undefined;
  const send = (init: RequestInit) =>
    server ? fetch(`http://127.0.0.1:${server.port}/api/reports`, init) : portal.app.request('/api/reports', init);
  const start = performance.now();
  // The CPU this process used (all its threads): on a shared machine the wall time says how busy the
  // others were; reports per CPU second is what one idle core would do (PGlite runs in this process).
  const cpu = process.cpuUsage();
  const worker = async () => {
    while (next < bodies.length) {
      const index = next++;
      const body = bodies[index]!;
      const answer = await send({ method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      await answer.arrayBuffer();
      if ((index + 1) % 1000 === 0) process.stderr.write(`  ${index + 1}/${bodies.length}\n`);
    }
  };
  await Promise.all(Array.from({ length: JOBS }, worker));
  const used = process.cpuUsage(cpu);
  await server?.close();
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6, statuses };
}

/** Copies the submitted reports (agencies, reports, revisions, cells) under new codes until N are stored (--ingest < --reports). */
async function fillTo(portal: Portal, target: number): Promise<void> {
  const db = portal.db;
  for (let copy = 1; ; copy++) {
    const have = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports'))[0]!.n;
    if (have >= target) break;
    const limit = target - have;
    const tag = `~${copy}`;
    await db.transaction(async (tx) => {
      await tx.query(
        `CREATE TEMP TABLE picked ON COMMIT DROP AS
         SELECT id FROM reports WHERE position('~' IN id) = 0 ORDER BY id LIMIT $1`,
        [limit],
      );
      await tx.query(
        `INSERT INTO agencies (name, code, division, level)
         SELECT a.name, a.code || $1, a.division, a.level FROM agencies a
         WHERE a.id IN (SELECT agency_id FROM reports WHERE id IN (SELECT id FROM picked)) ON CONFLICT (code) DO NOTHING`,
        [tag],
      );
      await tx.query(
        `INSERT INTO reports (id, agency_id, year, edition, agency_name, division, level, revision, errors, warnings, flags, imported, figures)
         SELECT r.id || $1, b.id, r.year, r.edition, r.agency_name, r.division, r.level, r.revision, r.errors, r.warnings, r.flags, r.imported, r.figures
         FROM reports r JOIN agencies a ON a.id = r.agency_id JOIN agencies b ON b.code = a.code || $1
         WHERE r.id IN (SELECT id FROM picked)`,
        [tag],
      );
      await tx.query(
        `INSERT INTO revisions (report_id, revision, content_hash, document, findings, imported)
         SELECT report_id || $1, revision, content_hash, document, findings, imported FROM revisions WHERE report_id IN (SELECT id FROM picked)`,
        [tag],
      );
      await tx.query(
        `INSERT INTO report_cells (report_id, revision, edition, vals, units)
         SELECT report_id || $1, revision, edition, vals, units FROM report_cells WHERE report_id IN (SELECT id FROM picked)`,
        [tag],
      );
    });
  }
  await rebuildRollup(db);
}

async function timeQuery(portal: Portal, path: string): Promise<{ p50: number; p95: number; status: number }> {
  let status = 0;
  for (let i = 0; i < 3; i++) status = (await portal.app.request(path)).status;
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    const answer = await portal.app.request(path);
    await answer.arrayBuffer();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), status };
}

async function queryPaths(portal: Portal): Promise<string[]> {
  const sample = (
    await portal.db.query<{ id: string; year: number; division: string; agency_name: string }>(
      'SELECT id, year, division, agency_name FROM reports ORDER BY id LIMIT 1',
    )
  )[0]!;
  return [
    '/api/reports',
    `/api/reports?year=${sample.year}`,
    `/api/reports?division=${sample.division.slice(0, 2)}0000&level=municipal`,
    `/api/reports?q=${encodeURIComponent(sample.agency_name.slice(0, 3))}`,
    '/api/reports?page=200',
    '/api/review',
    `/api/cells?year=${sample.year}&table=applications&row=newApplications&column=total&pageSize=1000`,
    `/api/cells?report=${encodeURIComponent(sample.id)}`,
    ...MEASURES.flatMap((m) => [
      `/api/aggregates?measure=${m.key}&groupBy=year`,
      `/api/aggregates?measure=${m.key}&groupBy=division`,
    ]),
    '/api/aggregates?measure=applications&groupBy=level',
    `/api/aggregates?measure=disclosedShare&groupBy=division&depth=city&year=${sample.year}`,
    `/api/aggregates?measure=disclosedShare&groupBy=year&q=${encodeURIComponent(sample.agency_name.slice(0, 3))}`,
  ];
}

async function queries(portal: Portal): Promise<{ path: string; p50: number; p95: number; status: number }[]> {
  const paths = await queryPaths(portal);
  const results = [];
  for (const path of paths) results.push({ path, ...(await timeQuery(portal, path)) });
  return results;
}

/** The plans of the statements behind each path, as the engine runs them at this size. */
async function explain(portal: Portal, paths: readonly string[], file: string): Promise<void> {
  const db = portal.db as { query: Portal['db']['query'] };
  const original = db.query;
  const seen: { sql: string; params?: readonly unknown[] }[] = [];
  db.query = (async (sql: string, params?: readonly unknown[]) => {
    seen.push({ sql, params: params ? [...params] : undefined }); // copied: callers push onto their arrays after
    return original(sql, params);
  }) as Portal['db']['query'];
  const out: string[] = [];
  try {
    for (const path of paths) {
      seen.length = 0;
      await (await portal.app.request(path)).arrayBuffer();
      for (const { sql, params } of [...seen]) {
        const plan = await original<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        out.push(`## ${path}\n${sql.replace(/\s+/g, ' ')}\n${plan.map((row) => row['QUERY PLAN']).join('\n')}\n`);
      }
    }
  } finally {
    db.query = original;
  }
  writeFileSync(file, out.join('\n'));
}

async function runEngine(engine: 'pglite' | 'postgres', bodies: string[]) {
  const dir = values.data && engine === 'pglite' ? values.data : mkdtempSync(join(tmpdir(), 'nianbao-portal-bench-'));
  const server = engine === 'postgres' ? await startPgServer() : undefined;
  const opening = performance.now();
  const portal = await openPortal(server ? { databaseUrl: server.url } : { dataDir: dir });
  const openMs = performance.now() - opening;
  try {
    const have = (await portal.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports'))[0]!.n;
    const reuse = have >= N;
    const admin = reuse ? undefined : await addAgency(portal.db, { name: 'bench', code: 'admin', admin: true });
    if (admin && !('token' in admin)) throw new Error(admin.message);
    process.stderr.write(
      reuse ? `${engine}: reusing ${have} reports in ${dir}\n` : `${engine}: ingesting ${bodies.length}\n`,
    );
    const loadBefore = loadavg()[0]!;
    const ingested = admin
      ? await ingest(portal, admin.token, bodies)
      : { seconds: NaN, cpuSeconds: NaN, statuses: {} };
    const load = `${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
    if (N > bodies.length) {
      process.stderr.write(`${engine}: filling to ${N}\n`);
      await fillTo(portal, N);
    }
    // As a server's autovacuum (or the portal's own upkeep on PGlite, every 1,000 writes) leaves it.
    await portal.db.query('VACUUM ANALYZE');
    const counts = (
      await portal.db.query<{ reports: number; cells: number; years: number }>(
        'SELECT (SELECT count(*) FROM reports)::int AS reports, (SELECT coalesce(sum(cardinality(units)), 0) FROM report_cells)::int AS cells, (SELECT count(DISTINCT year) FROM reports)::int AS years',
      )
    )[0]!;
    if (engine === 'pglite') await portal.db.query('CHECKPOINT');
    const bytes = server
      ? Number((await portal.db.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n'))[0]!.n)
      : Number(execFileSync('du', ['-sb', join(dir, 'pgdata')], { encoding: 'utf8' }).split('\t')[0]);
    // Where the bytes are: each table with its indexes and TOAST (the sizing in the README).
    const tables = await portal.db.query<{ name: string; bytes: string }>(
      `SELECT relname AS name, pg_total_relation_size(oid)::text AS bytes FROM pg_class
       WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY pg_total_relation_size(oid) DESC`,
    );
    process.stderr.write(`${engine}: queries\n`);
    const timed = await queries(portal);
    if (values.explain)
      await explain(portal, await queryPaths(portal), values.explain.replace(/(\.\w+)?$/, `-${engine}$1`));
    return {
      engine,
      openMs,
      ...ingested,
      reportsPerSecond: bodies.length / ingested.seconds,
      reportsPerCpuSecond: bodies.length / ingested.cpuSeconds,
      load,
      submitted: bodies.length,
      ...counts,
      bytes,
      tables: tables.map((table) => ({ name: table.name, bytes: Number(table.bytes) })),
      queries: timed,
    };
  } finally {
    await portal.close();
    server?.stop();
    if (dir !== values.data) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Report i: a generated report of its own agency. The generator draws agencies from a small pool, so
 * seeds alone give ~1,500 distinct reports in 10,000 (the rest would be revisions); the agency's name
 * gets a sample number (everywhere it appears) and no credit code, so each body is a new report.
 */
function benchReport(i: number): string {
  const report = validReport(i % 3 === 0 ? '2019' : '2021', i + 1);
  const name = report.metadata.agency.name;
  delete report.metadata.agency.unifiedSocialCreditCode;
  return JSON.stringify(report).replaceAll(name, `${name}（样本${i + 1}）`);
}

const bodies = Array.from({ length: Math.min(N, INGEST) }, (_, i) => benchReport(i));
const engines = values.engine === 'both' ? (['pglite', 'postgres'] as const) : [values.engine as 'pglite' | 'postgres'];
const results = [];
for (const engine of engines) results.push(await runEngine(engine, bodies));
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
console.log(
  `### Portal: ${N} reports (${bodies.length} submitted through the API${values.http ? ' over HTTP' : ''}, the rest copies made in SQL), ${JOBS} concurrent submissions, ${SAMPLES} samples per query; load average ${(
    await import('node:os')
  )
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end\n`,
);
console.log(
  '| engine | submitted | ingest time | reports/s | reports per CPU second (portal process) | load average (1 min) during ingest | statuses | reports stored | cells | storage | first open |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results)
  console.log(
    `| ${r.engine} | ${r.submitted} | ${r.seconds.toFixed(1)} s | ${r.reportsPerSecond.toFixed(1)} | ${r.reportsPerCpuSecond.toFixed(1)} | ${r.load} | ${JSON.stringify(r.statuses)} | ${r.reports} | ${r.cells} | ${mb(r.bytes)} | ${(r.openMs / 1000).toFixed(1)} s |`,
  );
for (const r of results)
  console.log(
    `\n${r.engine}, bytes per report by table (with indexes and TOAST): ${r.tables
      .filter((table) => table.bytes > 64 * 1024)
      .map((table) => `${table.name} ${(table.bytes / r.reports / 1024).toFixed(1)} KiB`)
      .join(', ')}`,
  );
console.log(`\n| query | ${results.map((r) => `${r.engine} p50 / p95 (ms)`).join(' | ')} |`);
console.log(`|---|${results.map(() => '---').join('|')}|`);
for (let i = 0; i < results[0]!.queries.length; i++)
  console.log(
    `| \`${results[0]!.queries[i]!.path}\` | ${results.map((r) => `${r.queries[i]!.p50.toFixed(1)} / ${r.queries[i]!.p95.toFixed(1)}${r.queries[i]!.status === 200 ? '' : ` (${r.queries[i]!.status})`}`).join(' | ')} |`,
  );
