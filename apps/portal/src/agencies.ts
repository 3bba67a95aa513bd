/**
 * Agencies and their API tokens. A token is 32 random bytes (base64url) shown once; the database
 * keeps only its SHA-256, so a leaked database does not leak a way to submit.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isValidCreditCode } from '@nianbao/validator';
import type { Queryable } from './db/database.js';
import { apiError, type ApiError } from './errors.js';

export interface Agency {
  id: number;
  name: string;
  code: string;
  division: string;
  level: string;
  removed: boolean;
  admin: boolean;
}

const AGENCY_COLUMNS = 'id, name, code, division, level, removed, admin';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** 统一社会信用代码 (18 characters, check character right), or 行政区划代码-机关名称 when the agency has none. */
export function checkAgencyCode(code: string): string | undefined {
  if (/^[0-9A-Z]{18}$/.test(code))
    return isValidCreditCode(code) ? undefined : `统一社会信用代码 ${code} 的校验位不对 (wrong check character)`;
  if (/^\d{6}-\S.*$/.test(code)) return undefined;
  return `代码须为统一社会信用代码，或“行政区划代码-机关名称”：${JSON.stringify(code)} (a credit code, or division code-agency name)`;
}

/** The 6-digit division a code names: a credit code carries it in characters 3–8. */
export function divisionOfCode(code: string): string {
  return /^\d{6}-/.test(code) ? code.slice(0, 6) : (/^[0-9A-Z]{2}(\d{6})/.exec(code)?.[1] ?? '');
}

export interface NewAgency {
  name: string;
  code: string;
  division?: string;
  level?: string;
  admin?: boolean;
}

/**
 * A new API token: 32 random bytes, base64url, never starting with "-": a command line reads
 * `--token -Xb3…` as two options (one token in 64 would have been refused by `portal ingest --token`).
 */
export function newToken(): string {
  for (;;) {
    const token = randomBytes(32).toString('base64url');
    if (!token.startsWith('-')) return token;
  }
}

export async function addAgency(
  db: Queryable,
  input: NewAgency,
): Promise<{ agency: Agency; token: string } | ApiError> {
  const name = input.name.trim();
  const code = input.code.trim();
  if (name === '') return apiError(400, 'BAD_REQUEST', '缺少机关名称 (missing the agency name)');
  const bad = input.admin ? undefined : checkAgencyCode(code);
  if (bad) return apiError(400, 'BAD_REQUEST', bad);
  if (code === '') return apiError(400, 'BAD_REQUEST', '缺少代码 (missing the code)');
  const token = newToken();
  const rows = await db.query<Agency>(
    `INSERT INTO agencies (name, code, division, level, token_hash, admin) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO UPDATE SET token_hash = EXCLUDED.token_hash
       WHERE agencies.token_hash IS NULL AND NOT agencies.removed
     RETURNING ${AGENCY_COLUMNS}`,
    [name, code, input.division ?? divisionOfCode(code), input.level ?? '', hashToken(token), input.admin === true],
  );
  const agency = rows[0];
  // An agency first stored by an admin ingest (no token) gets one; a registered one is not re-keyed here.
  if (!agency) return apiError(409, 'CONFLICT', `代码 ${code} 已登记 (an agency with this code is registered)`);
  return { agency, token };
}

export async function agencyByToken(db: Queryable, token: string): Promise<Agency | undefined> {
  const rows = await db.query<Agency>(`SELECT ${AGENCY_COLUMNS} FROM agencies WHERE token_hash = $1`, [
    hashToken(token),
  ]);
  return rows[0];
}

export async function listAgencies(db: Queryable): Promise<Agency[]> {
  return db.query<Agency>(`SELECT ${AGENCY_COLUMNS} FROM agencies ORDER BY id`);
}

/** Removing keeps the agency and its reports (they stay public) but its token no longer submits. */
export async function setAgencyRemoved(db: Queryable, code: string, removed: boolean): Promise<Agency | undefined> {
  const rows = await db.query<Agency>(`UPDATE agencies SET removed = $2 WHERE code = $1 RETURNING ${AGENCY_COLUMNS}`, [
    code,
    removed,
  ]);
  return rows[0];
}

export async function logDenied(db: Queryable, agencyId: number | null, target: string, detail: string): Promise<void> {
  await db.query('INSERT INTO audit_log (agency_id, action, target, detail) VALUES ($1, $2, $3, $4)', [
    agencyId,
    'denied',
    target,
    detail,
  ]);
}
