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
import { type Agency, agencyForIngest, divisionOfCode, logDenied } from './agencies.js';
import { cellsOf, figuresOf, flagsOf } from './cells.js';
import { insertCells } from './derived.js';
import type { Database, Queryable } from './db/database.js';
import { apiError, type ApiError } from './errors.js';

export interface SubmitOptions {
  /** Admin ingest of published reports: stored with their findings instead of refused. */
  imported?: boolean;
  maxBytes?: number;
  /** Local extensions' validation per edition (@nianbao/extension's applied schema, rules, severities). */
  validation?: ValidationByEdition;
}

/** What local extensions add to the validation of a report of each edition. */
export type ValidationByEdition = Partial<Record<Edition, Pick<ValidateOptions, 'schema' | 'extraRules' | 'severity'>>>;

export interface Stored {
  status: 200 | 201;
  id: string;
  revision: number;
  unchanged: boolean;
  imported: boolean;
  findings: LocatedFinding[];
}

type LocatedFinding = Finding & { location?: { line: number; column: number } };

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

async function previousDocument(db: Queryable, previousId: string): Promise<unknown> {
  const rows = await db.query<{ document: unknown }>(
    `SELECT v.document FROM reports r JOIN revisions v ON v.report_id = r.id AND v.revision = r.revision
     WHERE r.id = $1`,
    [previousId],
  );
  return rows[0]?.document;
}

export async function submitReport(
  db: Database,
  agency: Agency,
  bytes: Uint8Array,
  options: SubmitOptions = {},
): Promise<Stored | ApiError> {
  if (agency.removed) return apiError(403, 'AGENCY_REMOVED', '该机关已被移除，不能再提交 (this agency was removed)');
  if (options.imported && !agency.admin)
    return apiError(
      403,
      'FORBIDDEN',
      '只有管理员令牌可以导入已发布的报告 (only an admin token ingests imported reports)',
    );
  const source = parseReportSource(bytes, 'submission.json', options.maxBytes ? { maxBytes: options.maxBytes } : {});
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
  const previous = claimed ? await previousDocument(db, claimed.previousId) : undefined;
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
    findings,
    imported: options.imported === true,
  });
  return stored;
}

interface RevisionInput {
  agency: Agency;
  report: Report;
  id: string;
  code: string;
  year: number;
  edition: string;
  findings: LocatedFinding[];
  imported: boolean;
}

async function storeRevision(db: Database, input: RevisionInput): Promise<Stored> {
  const hash = contentHash(input.report);
  const cells = cellsOf(input.report);
  const counts = { errors: 0, warnings: 0 };
  for (const finding of input.findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
  }
  const kept = input.findings.filter((finding) => finding.severity !== 'info' || input.imported);
  return db.transaction(async (tx) => {
    // One report's submissions run one at a time: revision numbers are dense and never collide.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [input.id]);
    const latest = (
      await tx.query<{ revision: number; content_hash: string }>(
        `SELECT r.revision, v.content_hash FROM reports r
         JOIN revisions v ON v.report_id = r.id AND v.revision = r.revision WHERE r.id = $1`,
        [input.id],
      )
    )[0];
    if (latest && latest.content_hash === hash)
      return {
        status: 200,
        id: input.id,
        revision: latest.revision,
        unchanged: true,
        imported: input.imported,
        findings: kept,
      };
    const revision = (latest?.revision ?? 0) + 1;
    const agencyId = await owningAgency(tx, input);
    const metadata = input.report.metadata;
    const row = [
      input.id,
      agencyId,
      input.year,
      input.edition,
      metadata.agency.name,
      metadata.agency.administrativeDivisionCode ?? divisionOfCode(input.code),
      metadata.agency.level ?? '',
      revision,
      counts.errors,
      counts.warnings,
      flagsOf(input.findings, cells),
      input.imported,
      figuresOf(cells),
    ];
    // The revision row first needs its report row (foreign key); the report points at it after.
    await tx.query(
      `INSERT INTO reports (id, agency_id, year, edition, agency_name, division, level, revision, errors, warnings, flags, imported, figures)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (id) DO UPDATE SET edition = $4, agency_name = $5, division = $6, level = $7, revision = $8,
         errors = $9, warnings = $10, flags = $11, imported = $12, figures = $13, updated_at = now()`,
      row,
    );
    await tx.query(
      `INSERT INTO revisions (report_id, revision, content_hash, document, findings, imported)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [input.id, revision, hash, JSON.stringify(input.report), JSON.stringify(kept), input.imported],
    );
    await insertCells(tx, input.id, revision, cells);
    return { status: 201, id: input.id, revision, unchanged: false, imported: input.imported, findings: kept };
  });
}

async function owningAgency(tx: Queryable, input: RevisionInput): Promise<number> {
  if (!input.agency.admin || input.agency.code === input.code) return input.agency.id;
  const agency = input.report.metadata.agency;
  return agencyForIngest(tx, {
    name: agency.name,
    code: input.code,
    division: agency.administrativeDivisionCode ?? divisionOfCode(input.code),
    level: agency.level ?? '',
  });
}
