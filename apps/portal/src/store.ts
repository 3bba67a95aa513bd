/**
 * Storing a validated submission: the report row, the next revision, its cells and the aggregates'
 * roll-up, in one statement (data-modifying CTEs), so it is stored whole or not at all. The same
 * content again writes nothing; changed content is a new revision; nothing is overwritten or deleted.
 *
 * Two statements, chosen by whether the report is already stored. A new report (nearly every
 * submission of a bulk ingest) takes the short one: its row is inserted (`ON CONFLICT DO NOTHING`)
 * and its figures added to its roll-up group with arrays made here. A report already stored takes
 * the full one: compare with the latest revision's hash, update the row, and move the old revision's
 * figures out of the roll-up and the new one's in (rollup.ts). Measured on PGlite, the full
 * statement's roll-up step alone took ~3 ms of a ~15 ms submission; the short one ~1 ms. When a
 * report thought new was stored meanwhile (a concurrent submission), the short statement writes
 * nothing and the full one runs.
 */
import type { Report } from '@nianbao/template';
import type { Finding, ValidateOptions } from '@nianbao/validator';
import { type Agency, divisionOfCode } from './agencies.js';
import { type CellRow, cellsOf, figuresOf, flagsOf } from './cells.js';
import type { Database, Queryable } from './db/database.js';
import { noteWrite } from './db/upkeep.js';
import { cellArrays, Places } from './derived.js';
import { ROLLUP_ON_CONFLICT, ROLLUP_UPSERT } from './rollup.js';

export type LocatedFinding = Finding & { location?: { line: number; column: number } };

export interface Stored {
  status: 200 | 201;
  id: string;
  revision: number;
  unchanged: boolean;
  imported: boolean;
  findings: LocatedFinding[];
}

export interface RevisionInput {
  agency: Agency;
  report: Report;
  id: string;
  code: string;
  year: number;
  edition: string;
  /** The report's content hash (submit.ts contentHash). */
  hash: string;
  findings: LocatedFinding[];
  imported: boolean;
  /** The edition's schema patched by local extensions: their rows are stored as cells too. */
  schema?: ValidateOptions['schema'];
  /** False when the report was seen absent just before (the short statement is tried first). */
  maybeStored?: boolean;
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

interface RevisionRows {
  cells: CellRow[];
  places: number[];
  counts: { errors: number; warnings: number };
  kept: LocatedFinding[];
}

export async function storeRevision(db: Database, input: RevisionInput): Promise<Stored> {
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
    const rows = { cells, places: resolved.places, counts, kept };
    const added = input.maybeStored === false ? await writeNew(tx, input, rows) : undefined;
    return added ?? writeRevision(tx, input, rows);
  };
  // Each write is one statement, so on PGlite (one connection, whose statements and transactions run
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

/** The parameters both statements share ($1–$16) and the owner CTE (the agency, stored if new). */
function parameters(input: RevisionInput, rows: RevisionRows, after: string): { values: unknown[]; owner: string } {
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
    input.hash,
    JSON.stringify(input.report),
    JSON.stringify(rows.kept),
    vals,
    units,
  ];
  if (!input.agency.admin || input.agency.code === input.code) {
    values.push(input.agency.id);
    return { values, owner: `SELECT $${values.length}::int AS id` };
  }
  // An admin ingest of another agency's report: that agency, stored without a token if new.
  values.push(agency.name, input.code);
  const owner = `INSERT INTO agencies (name, code, division, level)
     SELECT $${values.length - 1}, $${values.length}, $5, $6 ${after}
     ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`;
  return { values, owner };
}

const REPORT_COLUMNS =
  'id, agency_id, year, edition, agency_name, division, level, revision, errors, warnings, flags, imported, figures';

/** Both statements write the revision and its cells after the `report` step the same way. */
const REVISION_AND_CELLS = `revision AS (
       INSERT INTO revisions (report_id, revision, content_hash, document, findings, imported)
       SELECT id, revision, $12, $13, $14, $10 FROM report RETURNING report_id, revision),
     cells AS (
       INSERT INTO report_cells (report_id, revision, edition, vals, units)
       SELECT report_id, revision, $3, $15::numeric[], $16::text[] FROM revision RETURNING revision)`;

/**
 * The short statement of a new report: revision 1, its cells, its figures added to the roll-up.
 * Undefined (nothing written) when the report is stored after all.
 */
async function writeNew(
  tx: Queryable,
  input: RevisionInput,
  rows: RevisionRows,
): Promise<{ revision: number; created: boolean } | undefined> {
  const { values, owner } = parameters(input, rows, '');
  // A report with errors (imported) counts in the list's total, not in the aggregates.
  const counted = rows.counts.errors === 0 ? 1 : 0;
  const figures = values[10] as (number | null)[];
  values.push(
    figures.map((figure) => (figure ?? 0) * counted),
    figures.map((figure) => (figure === null ? 0 : counted)),
  );
  const sums = `$${values.length - 1}::float8[]`;
  const stated = `$${values.length}::int[]`;
  const answer = await tx.query<{ written: number | null }>(
    `WITH owner AS (${owner}),
     report AS (
       INSERT INTO reports (${REPORT_COLUMNS})
       SELECT $1, owner.id, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, $11 FROM owner
       ON CONFLICT (id) DO NOTHING RETURNING id, revision),
     ${REVISION_AND_CELLS},
     rolled AS (
       INSERT INTO rollup (year, division, level, edition, reports, stored, sums, stated)
       SELECT $2, $5, $6, $3, ${counted}, 1, ${sums}, ${stated} FROM report
       ${ROLLUP_ON_CONFLICT})
     SELECT (SELECT revision FROM cells) AS written`,
    values,
  );
  const written = answer[0]?.written;
  return written === null || written === undefined ? undefined : { revision: written, created: true };
}

/**
 * The full statement: the latest revision's hash is compared and, when the content changed, the
 * report row, the next revision and its cells are written, and the roll-up takes the old revision's
 * figures out and the new one's in.
 */
async function writeRevision(
  tx: Queryable,
  input: RevisionInput,
  rows: RevisionRows,
): Promise<{ revision: number; created: boolean }> {
  const { values, owner } = parameters(input, rows, 'FROM next');
  const answer = await tx.query<{ latest: number | null; written: number | null }>(
    `WITH latest AS (
       SELECT r.revision, v.content_hash FROM reports r
       JOIN revisions v ON v.report_id = r.id AND v.revision = r.revision WHERE r.id = $1),
     next AS (
       SELECT coalesce((SELECT revision FROM latest), 0) + 1 AS revision
       WHERE NOT EXISTS (SELECT 1 FROM latest WHERE content_hash = $12)),
     owner AS (${owner}),
     report AS (
       INSERT INTO reports (${REPORT_COLUMNS})
       SELECT $1, owner.id, $2, $3, $4, $5, $6, next.revision, $7, $8, $9, $10, $11 FROM owner, next
       ON CONFLICT (id) DO UPDATE SET edition = EXCLUDED.edition, agency_name = EXCLUDED.agency_name,
         division = EXCLUDED.division, level = EXCLUDED.level, revision = EXCLUDED.revision, errors = EXCLUDED.errors,
         warnings = EXCLUDED.warnings, flags = EXCLUDED.flags, imported = EXCLUDED.imported, figures = EXCLUDED.figures,
         updated_at = now()
       RETURNING id, revision),
     ${REVISION_AND_CELLS},
     old AS (SELECT year, division, level, edition, errors, figures FROM reports WHERE id = $1),
     delta AS (
       SELECT o.year, o.division, o.level, o.edition, -1 AS sign, CASE WHEN o.errors = 0 THEN -1 ELSE 0 END AS counted,
         o.figures FROM old o, report
       UNION ALL
       SELECT $2::int, $5::text, $6::text, $3::text, 1, CASE WHEN $7::int = 0 THEN 1 ELSE 0 END, $11::float8[] FROM report),
     rolled AS (${ROLLUP_UPSERT('delta')})
     SELECT (SELECT revision FROM latest) AS latest, (SELECT revision FROM cells) AS written`,
    values,
  );
  const { latest, written } = answer[0]!;
  return written === null ? { revision: latest!, created: false } : { revision: written, created: true };
}
