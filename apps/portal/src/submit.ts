/**
 * A submission: read → authorise → validate (with the agency's stored previous year) → store, in
 * one transaction. The same content again writes nothing; changed content is a new revision; no
 * revision is ever overwritten or deleted.
 */
import { createHash } from 'node:crypto';
import { reportId } from '@nianbao/open-data';
import { formatProblem, parseReportSource, type SourceResult } from '@nianbao/source';
import { type Edition, isEdition, type Report } from '@nianbao/template';
import { type Finding, type ValidateOptions, validateReport } from '@nianbao/validator';
import { type Agency, hashToken, logDenied } from './agencies.js';
import type { Database, Queryable } from './db/database.js';
import { apiError, type ApiError } from './errors.js';
import { type LocatedFinding, type Stored, storeRevision } from './store.js';

export type { Stored } from './store.js';

export interface SubmitOptions {
  /** Admin ingest of published reports: stored with their findings instead of refused. */
  imported?: boolean;
  maxBytes?: number;
  /** Local extensions' validation per edition (@nianbao/extension's applied schema, rules, severities). */
  validation?: ValidationByEdition;
}

/** What local extensions add to the validation of a report of each edition. */
export type ValidationByEdition = Partial<Record<Edition, Pick<ValidateOptions, 'schema' | 'extraRules' | 'severity'>>>;

/** The identity a report claims: the agency code the portal registers and the year. */
function claimedIdentity(
  document: unknown,
): { id: string; code: string; year: number; previousId: string } | undefined {
  try {
    const report = document as Report;
    const year = report.metadata.reportYear;
    if (!Number.isInteger(year)) return undefined;
    // The report id (open-data) is 行政区划代码-机关名称-年度 whether or not a credit code is known;
    // the agency code a token is registered with is the credit code when the report states one.
    const id = reportId(report);
    const agency = report.metadata.agency;
    const code =
      agency.unifiedSocialCreditCode?.trim() || `${agency.administrativeDivisionCode.trim()}-${agency.name.trim()}`;
    return { id, code, year, previousId: `${id.slice(0, -String(year).length)}${year - 1}` };
  } catch {
    return undefined;
  }
}

/** Keys sorted at every level: the same document hashes the same whatever its key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const contentHash = (document: unknown) => createHash('sha256').update(stableJson(document)).digest('hex');

function locateAll(findings: readonly Finding[], source: Extract<SourceResult, { ok: true }>): LocatedFinding[] {
  return findings.map((finding) => {
    const at = source.locate(finding.pointer);
    return at ? { ...finding, location: { line: at.line, column: at.column } } : finding;
  });
}

async function agencyAndPrevious(
  db: Queryable,
  token: string,
  claimed: { id: string; previousId: string } | undefined,
): Promise<{ agency: Agency; previous: unknown; stored: boolean } | undefined> {
  const rows = await db.query<Agency & { previous: unknown; stored: boolean }>(
    `SELECT a.id, a.name, a.code, a.division, a.level, a.removed, a.admin,
       (SELECT v.document FROM reports r JOIN revisions v ON v.report_id = r.id AND v.revision = r.revision
        WHERE r.id = $2) AS previous,
       EXISTS (SELECT 1 FROM reports WHERE id = $3) AS stored
     FROM agencies a WHERE a.token_hash = $1`,
    [hashToken(token), claimed?.previousId ?? null, claimed?.id ?? null],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { previous, stored, ...agency } = row;
  return { agency, previous, stored };
}

async function previousDocument(db: Queryable, previousId: string): Promise<unknown> {
  const rows = await db.query<{ document: unknown }>(
    `SELECT v.document FROM reports r JOIN revisions v ON v.report_id = r.id AND v.revision = r.revision
     WHERE r.id = $1`,
    [previousId],
  );
  return rows[0]?.document;
}

type ParsedSource = ReturnType<typeof parseReportSource>;

function readSource(bytes: Uint8Array, options: SubmitOptions): ParsedSource {
  return parseReportSource(bytes, 'submission.json', options.maxBytes ? { maxBytes: options.maxBytes } : {});
}

export async function submitReport(
  db: Database,
  agency: Agency,
  bytes: Uint8Array,
  options: SubmitOptions = {},
): Promise<Stored | ApiError> {
  return submitSource(db, agency, readSource(bytes, options), options, undefined);
}

/**
 * The API's submission: the token's agency and the previous year's document in one query (the body
 * is read first to know which report is the previous one), then as submitReport. The answers are
 * the same as authenticating first: 401 for an unknown token and 403 for a removed agency, whatever
 * the body.
 */
export async function submitWithToken(
  db: Database,
  token: string,
  bytes: Uint8Array,
  options: SubmitOptions = {},
): Promise<Stored | ApiError> {
  const source = readSource(bytes, options);
  const claimed = source.ok ? claimedIdentity(source.document) : undefined;
  const found = await agencyAndPrevious(db, token, claimed);
  if (!found) return apiError(401, 'BAD_TOKEN', '令牌无效 (unknown token)');
  if (found.agency.removed) {
    await logDenied(db, found.agency.id, '/api/reports', 'removed agency');
    return apiError(403, 'AGENCY_REMOVED', '该机关已被移除，令牌已失效 (this agency was removed)');
  }
  return submitSource(db, found.agency, source, options, {
    document: found.previous ?? undefined,
    stored: found.stored,
  });
}

async function submitSource(
  db: Database,
  agency: Agency,
  source: ParsedSource,
  options: SubmitOptions,
  loaded: { document: unknown; stored: boolean } | undefined,
): Promise<Stored | ApiError> {
  if (agency.removed) return apiError(403, 'AGENCY_REMOVED', '该机关已被移除，不能再提交 (this agency was removed)');
  if (options.imported && !agency.admin)
    return apiError(
      403,
      'FORBIDDEN',
      '只有管理员令牌可以导入已发布的报告 (only an admin token ingests imported reports)',
    );
  if (!source.ok) {
    const status = source.problem.code === 'TOO_LARGE' ? 413 : 400;
    const reason = formatProblem(source.problem, { file: 'request body', lang: 'zh' });
    return apiError(status, status === 413 ? 'TOO_LARGE' : 'NOT_JSON', reason);
  }
  const claimed = claimedIdentity(source.document);
  if (claimed && !agency.admin && claimed.code !== agency.code) {
    await logDenied(db, agency.id, claimed.id, `token of ${agency.code} submitted a report of ${claimed.code}`);
    return apiError(
      403,
      'FORBIDDEN',
      `此令牌只能提交 ${agency.code} 的报告，不能提交 ${claimed.code} 的 (a token writes only its own agency's reports)`,
    );
  }
  const previous = !claimed ? undefined : loaded ? loaded.document : await previousDocument(db, claimed.previousId);
  const edition = (source.document as { edition?: unknown } | null)?.edition;
  const extended = isEdition(edition) ? options.validation?.[edition] : undefined;
  const result = validateReport(source.document, {
    ...extended,
    ...(previous === undefined ? {} : { previous }),
  });
  const findings = locateAll(result.findings, source);
  if (result.edition === undefined || !claimed)
    return apiError(422, 'NOT_A_REPORT', findings[0]?.message.zh ?? '这不是一份年报文档 (not a report)', { findings });
  if (!result.valid && !options.imported)
    return apiError(422, 'INVALID_REPORT', '报告有错误，未保存 (the report has errors; nothing was stored)', {
      findings,
    });
  const report = source.document as Report;
  const stored = await storeRevision(db, {
    agency,
    report,
    id: claimed.id,
    code: claimed.code,
    year: claimed.year,
    edition: result.edition,
    hash: contentHash(report),
    findings,
    imported: options.imported === true,
    ...(extended?.schema === undefined ? {} : { schema: extended.schema }),
    ...(loaded ? { maybeStored: loaded.stored } : {}),
  });
  return stored;
}
