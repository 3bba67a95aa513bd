/**
 * Opening a portal: the database (PGlite in `<data>/pgdata`, or a server), its migrations, the app,
 * and for PGlite a lock file: PGlite is one process's database, and a second process opening the
 * same folder would corrupt it, so `<data>/portal.lock` names the process that has it open.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { type AppOptions, createApp } from './app.js';
import { type Database, openDatabase } from './db/database.js';
import { migrate } from './db/migrations.js';
import { tidyUp } from './db/upkeep.js';

export interface PortalOptions extends AppOptions {
  dataDir?: string;
  databaseUrl?: string;
}

export interface Portal {
  db: Database;
  app: Hono;
  /** Migrations applied at this start (none when the database was up to date). */
  migrated: number[];
  close(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Takes the data folder's lock, or says which process holds it. */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'portal.lock');
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(file, 'utf8').trim());
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && alive(holder))
    throw new Error(
      `${dataDir} 正由进程 ${holder} 使用（portal serve 运行中？请通过管理员接口 POST /api/agencies 登记机关） (the data folder is in use by process ${holder})`,
    );
  writeFileSync(file, `${process.pid}\n`);
  return () => rmSync(file, { force: true });
}

export async function openPortal(options: PortalOptions): Promise<Portal> {
  const url = options.databaseUrl;
  let unlock = () => {};
  if (!url) {
    if (!options.dataDir) throw new Error('--data <folder> or --database-url is needed');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  let db: Database;
  try {
    db = await openDatabase(url ? { databaseUrl: url } : { dataDir: join(options.dataDir!, 'pgdata') });
  } catch (error) {
    unlock();
    throw error;
  }
  const migrated = await migrate(db);
  await tidyUp(db);
  const app = createApp(db, options);
  return {
    db,
    app,
    migrated,
    async close() {
      await db.close();
      unlock();
    },
  };
}

/** Serves a portal over HTTP; resolves with the server once it listens. */
export async function servePortal(
  portal: Portal,
  port: number,
  hostname = '0.0.0.0',
): Promise<{ port: number; close(): Promise<void> }> {
  const { serve } = await import('@hono/node-server');
  return new Promise((resolve) => {
    const server = serve({ fetch: portal.app.fetch, port, hostname }, (info) => {
      resolve({
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
