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
import { type Agency, divisionOfCode, hashToken, logDenied } from './agencies.js';
import { type CellRow, cellsOf, figuresOf, flagsOf } from './cells.js';
import { cellArrays, Places } from './derived.js';
import type { Database, Queryable } from './db/database.js';
import { noteWrite } from './db/upkeep.js';
import { apiError, type ApiError } from './errors.js';
import { ROLLUP_UPSERT } from './rollup.js';

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

async function agencyAndPrevious(
  db: Queryable,
  token: string,
  previousId: string | undefined,
): Promise<{ agency: Agency; previous: unknown } | undefined> {
  const rows = await db.query<Agency & { previous: unknown }>(
    `SELECT a.id, a.name, a.code, a.division, a.level, a.removed, a.admin,
       (SELECT v.document FROM reports r JOIN revisions v ON v.report_id = r.id AND v.revision = r.revision
        WHERE r.id = $2) AS previous
     FROM agencies a WHERE a.token_hash = $1`,
    [hashToken(token), previousId ?? null],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { previous, ...agency } = row;
  return { agency, previous };
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
  const found = await agencyAndPrevious(db, token, claimed?.previousId);
  if (!found) return apiError(401, 'BAD_TOKEN', '令牌无效 (unknown token)');
  if (found.agency.removed) {
    await logDenied(db, found.agency.id, '/api/reports', 'removed agency');
    return apiError(403, 'AGENCY_REMOVED', '该机关已被移除，令牌已失效 (this agency was removed)');
  }
  return submitSource(db, found.agency, source, options, { document: found.previous ?? undefined });
}

async function submitSource(
  db: Database,
  agency: Agency,
  source: ParsedSource,
  options: SubmitOptions,
  loaded: { document: unknown } | undefined,
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
    findings,
    imported: options.imported === true,
    ...(extended?.schema === undefined ? {} : { schema: extended.schema }),
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
  /** The edition's schema patched by local extensions: their rows are stored as cells too. */
  schema?: ValidateOptions['schema'];
}

/** The numbers of the places of every portal's database (one Places per database object). */
const placesByDatabase = new WeakMap<Database, Places>();

function placesOf(db: Database): Places {
  let places = placesByDatabase.get(db);
  if (!places) {
    places = new Places();
    placesByDatabase.set(db, places);
  }
  return places;
}

async function storeRevision(db: Database, input: RevisionInput): Promise<Stored> {
  const hash = contentHash(input.report);
  const cells = cellsOf(input.report, input.schema);
  const counts = { errors: 0, warnings: 0 };
  for (const finding of input.findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
  }
  const kept = input.findings.filter((finding) => finding.severity !== 'info' || input.imported);
  const places = placesOf(db);
  await places.load(db);
  let remember = () => {};
  const store = async (tx: Queryable) => {
    // One report's submissions run one at a time: revision numbers are dense and never collide.
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [input.id]);
    const resolved = await places.resolve(tx, input.edition, cells, db.kind === 'postgres');
    remember = resolved.remember;
    return writeRevision(tx, input, { hash, cells, places: resolved.places, counts, kept });
  };
  // The write is one statement, so on PGlite (one connection, whose statements and transactions run
  // one at a time) it is a transaction by itself: all of it is stored or none. On a server the
  // statement follows the report's lock in a transaction.
  const written = db.kind === 'postgres' ? await db.transaction(store) : await store(db);
  remember();
  if (written.created) await noteWrite(db);
  return {
    status: written.created ? 201 : 200,
    id: input.id,
    revision: written.revision,
    unchanged: !written.created,
    imported: input.imported,
    findings: kept,
  };
}

interface RevisionRows {
  hash: string;
  cells: CellRow[];
  places: number[];
  counts: { errors: number; warnings: number };
  kept: LocatedFinding[];
}

/**
 * The submission in one statement (data-modifying CTEs): the latest revision's hash is compared and,
 * when the content changed, the report row, the next revision and its cells are written, and the
 * aggregates' roll-up takes the old revision's figures out and the new one's in (rollup.ts). One round
 * trip instead of six, which was most of what a submission cost on PGlite. The agency of an
 * admin-ingested report is found or stored in the same statement.
 */
async function writeRevision(
  tx: Queryable,
  input: RevisionInput,
  rows: RevisionRows,
): Promise<{ revision: number; created: boolean }> {
  const agency = input.report.metadata.agency;
  const division = agency.administrativeDivisionCode ?? divisionOfCode(input.code);
  const { vals, units } = cellArrays(rows.cells, rows.places);
  const values: unknown[] = [
    input.id,
    input.year,
    input.edition,
    agency.name,
    division,
    agency.level ?? '',
    rows.counts.errors,
    rows.counts.warnings,
    flagsOf(input.findings, rows.cells),
    input.imported,
    figuresOf(rows.cells),
    rows.hash,
    JSON.stringify(input.report),
    JSON.stringify(rows.kept),
    vals,
    units,
  ];
  let owner: string;
  if (!input.agency.admin || input.agency.code === input.code) {
    values.push(input.agency.id);
    owner = `SELECT $${values.length}::int AS id`;
  } else {
    // An admin ingest of another agency's report: that agency, stored without a token if new.
    values.push(agency.name, input.code);
    owner = `INSERT INTO agencies (name, code, division, level)
       SELECT $${values.length - 1}, $${values.length}, $5, $6 FROM next
       ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`;
  }
  const answer = await tx.query<{ latest: number | null; written: number | null }>(
    `WITH latest AS (
       SELECT r.revision, v.content_hash FROM reports r
       JOIN revisions v ON v.report_id = r.id AND v.revision = r.revision WHERE r.id = $1),
     next AS (
       SELECT coalesce((SELECT revision FROM latest), 0) + 1 AS revision
       WHERE NOT EXISTS (SELECT 1 FROM latest WHERE content_hash = $12)),
     owner AS (${owner}),
     report AS (
       INSERT INTO reports (id, agency_id, year, edition, agency_name, division, level, revision, errors, warnings, flags, imported, figures)
       SELECT $1, owner.id, $2, $3, $4, $5, $6, next.revision, $7, $8, $9, $10, $11 FROM owner, next
       ON CONFLICT (id) DO UPDATE SET edition = EXCLUDED.edition, agency_name = EXCLUDED.agency_name,
         division = EXCLUDED.division, level = EXCLUDED.level, revision = EXCLUDED.revision, errors = EXCLUDED.errors,
         warnings = EXCLUDED.warnings, flags = EXCLUDED.flags, imported = EXCLUDED.imported, figures = EXCLUDED.figures,
         updated_at = now()
       RETURNING id, revision),
     revision AS (
       INSERT INTO revisions (report_id, revision, content_hash, document, findings, imported)
       SELECT id, revision, $12, $13, $14, $10 FROM report RETURNING report_id, revision),
     cells AS (
       INSERT INTO report_cells (report_id, revision, edition, vals, units)
       SELECT report_id, revision, $3, $15::numeric[], $16::text[] FROM revision RETURNING revision),
     old AS (SELECT year, division, level, edition, errors, figures FROM reports WHERE id = $1),
     delta AS (
       SELECT o.year, o.division, o.level, o.edition, -1 AS sign, o.figures FROM old o, report WHERE o.errors = 0
       UNION ALL
       SELECT $2::int, $5::text, $6::text, $3::text, 1, $11::float8[] FROM report WHERE $7::int = 0),
     rolled AS (${ROLLUP_UPSERT('delta')})
     SELECT (SELECT revision FROM latest) AS latest, (SELECT revision FROM cells) AS written`,
    values,
  );
  const { latest, written } = answer[0]!;
  return written === null ? { revision: latest!, created: false } : { revision: written, created: true };
}
