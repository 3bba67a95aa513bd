/**
 * The two databases every API test runs on: PGlite in a temporary folder and a real PostgreSQL
 * server started for the test file. `useEngine` opens a portal with an admin token on either.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@nianbao/template';
import { addAgency, type Database, openDatabase, openPortal, type Portal, type PortalOptions } from '../src/index.js';
import { startPgServer, type PgServer } from './pg-server.js';

export const ENGINES = ['pglite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/** Test answers: the body read as JSON is whatever the test expects to find in it. */
// biome-ignore lint/suspicious/noExplicitAny: tests assert on the parsed bodies' fields
export type JsonResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface Harness {
  portal: Portal;
  /** Opens another, empty database on the same engine (a PGlite in memory, or a new database on the server). */
  emptyDatabase(): Promise<Database>;
  adminToken: string;
  /** Registers an agency for a report's code; returns its token. */
  register(report: Report): Promise<string>;
  request(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<JsonResponse>;
  close(): Promise<void>;
}

export function agencyCode(report: Report): string {
  const agency = report.metadata.agency;
  return agency.unifiedSocialCreditCode?.trim() || `${agency.administrativeDivisionCode}-${agency.name}`;
}

export async function openHarness(engine: Engine, extra: Partial<PortalOptions> = {}): Promise<Harness> {
  let server: PgServer | undefined;
  let dir: string | undefined;
  let portal: Portal;
  if (engine === 'postgres') {
    server = await startPgServer();
    portal = await openPortal({ databaseUrl: server.url, maxBytes: 2 * 1024 * 1024, ...extra });
  } else {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-portal-'));
    portal = await openPortal({ dataDir: dir, maxBytes: 2 * 1024 * 1024, ...extra });
  }
  const admin = await addAgency(portal.db, { name: '政务公开办', code: 'admin', admin: true });
  if (!('token' in admin)) throw new Error(admin.message);
  const request: Harness['request'] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers.set('content-type', 'application/json');
    }
    return Promise.resolve(portal.app.request(path, { ...init, headers, body }));
  };
  return {
    portal,
    adminToken: admin.token,
    async emptyDatabase() {
      if (!server) return openDatabase({ dataDir: 'memory://' });
      const name = `empty_${Date.now()}`;
      await portal.db.query(`CREATE DATABASE ${name}`);
      return openDatabase({ databaseUrl: server.url.replace(/\/postgres$/, `/${name}`) });
    },
    async register(report) {
      const added = await addAgency(portal.db, { name: report.metadata.agency.name, code: agencyCode(report) });
      if (!('token' in added)) throw new Error(added.message);
      return added.token;
    },
    request,
    async close() {
      await portal.close();
      server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
