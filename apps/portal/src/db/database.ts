/**
 * One SQL layer over two engines: PGlite (PostgreSQL compiled to WebAssembly, in-process, stored in
 * a folder) and a PostgreSQL server through `pg`. Both speak the same SQL with `$n` parameters, so
 * the schema, the migrations and every query are written once. Values that the two drivers return
 * differently (bigint, numeric) are cast in SQL (`::int`, `::float8`, `::text`) where they are read.
 */
import { mkdirSync } from 'node:fs';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Folder of the embedded database (PGlite). */
  dataDir?: string;
  /** `postgres://…`: a PostgreSQL server instead. */
  databaseUrl?: string;
  /** Connections of the server pool (default 8). */
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 8);
  if (!options.dataDir) throw new Error('either a data folder or a database URL is needed');
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  // memory:// is PGlite's database in memory (tests); anything else a folder.
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir);
  // PGlite is one connection: a transaction holds it, so other work waits its turn (serialised by
  // PGlite's own queue), which is what a transaction per submission needs.
  const run = async <T>(target: { query: typeof db.query }, sql: string, params?: readonly unknown[]) =>
    (await target.query<T>(sql, params as unknown[] | undefined)).rows;
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params),
    transaction: (work) => db.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params) })),
    close: () => db.close(),
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params as unknown[] | undefined)).rows,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async (sql, params) => (await client.query(sql, params as unknown[] | undefined)).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
