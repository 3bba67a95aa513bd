/**
 * Versioned migrations. Each runs once, in order, recorded in `portal_migrations`. They run at
 * every start, inside one transaction that first takes a transaction-level advisory lock: two
 * portals starting at once against one server apply them once, the second waits and finds them
 * done. A migration is never edited once released; a change is a new one.
 */
import type { Database, Queryable } from './database.js';
import { recomputeDerived, seedPlaces } from '../derived.js';
import { rebuildRollup } from '../rollup.js';
import { rebuildRollupV5, recomputeCellRowsV2 } from './legacy.js';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
  /** A step SQL alone cannot do (recomputing rows from the stored documents), after the statements. */
  run?: (tx: Queryable) => Promise<void>;
}

/** Any fixed 64-bit number, the same in every portal, so their starts serialise. */
const MIGRATION_LOCK = 4_271_965_011;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'agencies, reports, revisions, cells, audit log',
    statements: [
      `CREATE TABLE agencies (
        id serial PRIMARY KEY,
        name text NOT NULL,
        code text NOT NULL UNIQUE,
        division text NOT NULL DEFAULT '',
        level text NOT NULL DEFAULT '',
        token_hash text UNIQUE,
        removed boolean NOT NULL DEFAULT false,
        admin boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE reports (
        id text PRIMARY KEY,
        agency_id int NOT NULL REFERENCES agencies(id),
        year int NOT NULL,
        edition text NOT NULL,
        agency_name text NOT NULL,
        division text NOT NULL,
        level text NOT NULL,
        revision int NOT NULL,
        errors int NOT NULL DEFAULT 0,
        warnings int NOT NULL DEFAULT 0,
        flags text[] NOT NULL DEFAULT '{}',
        imported boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agency_id, year)
      )`,
      'CREATE INDEX reports_year ON reports (year)',
      'CREATE INDEX reports_division ON reports (division)',
      'CREATE INDEX reports_level ON reports (level)',
      'CREATE INDEX reports_review ON reports (year) WHERE errors > 0 OR warnings > 0',
      `CREATE TABLE revisions (
        report_id text NOT NULL REFERENCES reports(id),
        revision int NOT NULL,
        content_hash text NOT NULL,
        document jsonb NOT NULL,
        findings jsonb NOT NULL,
        imported boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (report_id, revision)
      )`,
      `CREATE TABLE cells (
        report_id text NOT NULL,
        revision int NOT NULL,
        tbl text NOT NULL,
        row_id text NOT NULL,
        column_id text NOT NULL,
        value numeric,
        unit text,
        PRIMARY KEY (report_id, revision, tbl, row_id, column_id),
        FOREIGN KEY (report_id, revision) REFERENCES revisions(report_id, revision)
      )`,
      'CREATE INDEX cells_measure ON cells (tbl, row_id, column_id)',
      `CREATE TABLE audit_log (
        id serial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        agency_id int REFERENCES agencies(id),
        action text NOT NULL,
        target text NOT NULL,
        detail text NOT NULL DEFAULT ''
      )`,
    ],
  },
  {
    version: 2,
    name: 'cells keyed by their place in the edition (ord); key figures on reports for the aggregates',
    // Measured at 10,000 reports: the 5-text-column key and the foreign key per cell made a submission's
    // 200 cell rows the slowest part of it, and aggregates joined 2 million rows. A cell is now found
    // by (report, revision, ord); the cells the measures read are copied onto the report (figures).
    statements: [
      'ALTER TABLE cells DROP CONSTRAINT IF EXISTS cells_pkey',
      'ALTER TABLE cells DROP CONSTRAINT IF EXISTS cells_report_id_revision_fkey',
      'DROP INDEX IF EXISTS cells_measure',
      'DELETE FROM cells',
      'ALTER TABLE cells ADD COLUMN ord smallint NOT NULL',
      'ALTER TABLE cells ADD PRIMARY KEY (report_id, revision, ord)',
      "ALTER TABLE reports ADD COLUMN figures float8[] NOT NULL DEFAULT '{}'",
    ],
    run: recomputeCellRowsV2,
  },
  {
    version: 3,
    name: 'indexes in the list order (deep pages, the review list)',
    // At 10,000 reports a deep page (OFFSET) and the review list sorted every matching report.
    statements: [
      'CREATE INDEX reports_list ON reports (year DESC, division, agency_name, id)',
      'DROP INDEX IF EXISTS reports_review',
      `CREATE INDEX reports_review ON reports (year DESC, division, agency_name, id)
         WHERE errors > 0 OR warnings > 0 OR cardinality(flags) > 0`,
    ],
  },
  {
    version: 4,
    name: "a revision's cells in one row by place (extension rows included); the view cells",
    // Measured at 10,000 reports: a row per cell made 200 index entries per submission (the largest
    // part of an ingest on PGlite) and 60 % of the storage. `places` numbers every cell of an edition
    // (the official ones in document order, then the rows and columns extensions add, on first
    // sight); `report_cells` keeps a revision's values and units as arrays indexed by place; the view
    // `cells` shows them as tidy rows. Rebuilt from the stored documents.
    statements: [
      `CREATE TABLE places (
        edition text NOT NULL,
        idx int NOT NULL,
        tbl text NOT NULL,
        row_id text NOT NULL,
        column_id text NOT NULL,
        row_label text NOT NULL DEFAULT '',
        column_label text NOT NULL DEFAULT '',
        official boolean NOT NULL,
        PRIMARY KEY (edition, idx),
        UNIQUE (edition, tbl, row_id, column_id)
      )`,
      `CREATE TABLE report_cells (
        report_id text NOT NULL,
        revision int NOT NULL,
        edition text NOT NULL,
        vals numeric[] NOT NULL,
        units text[] NOT NULL,
        PRIMARY KEY (report_id, revision),
        FOREIGN KEY (report_id, revision) REFERENCES revisions (report_id, revision)
      )`,
      // Kept in the row uncompressed (a row is 3–4 KB): in EXPLAIN ANALYZE of one place across a year
      // (1,600 reports) at 10,000 reports, decompressing each report's arrays was most of the time.
      'ALTER TABLE report_cells SET (toast_tuple_target = 8160)',
      'DROP TABLE cells',
      `CREATE VIEW cells AS
        SELECT c.report_id, c.revision, p.idx AS place, p.tbl, p.row_id, p.column_id, p.row_label, p.column_label,
          c.vals[p.idx] AS value, nullif(c.units[p.idx], '') AS unit, p.official
        FROM report_cells c JOIN places p ON p.edition = c.edition AND c.units[p.idx] IS NOT NULL`,
    ],
    async run(tx) {
      await seedPlaces(tx);
      await recomputeDerived(tx);
    },
  },
  {
    version: 5,
    name: "the aggregates' roll-up by year, division, level and edition",
    // Measured at 10,000 reports on PGlite: an aggregate's pass over every report took most of its
    // time and grows with the reports. See rollup.ts.
    statements: [
      `CREATE TABLE rollup (
        year int NOT NULL,
        division text NOT NULL,
        level text NOT NULL,
        edition text NOT NULL,
        reports int NOT NULL,
        sums float8[] NOT NULL,
        stated int[] NOT NULL,
        PRIMARY KEY (year, division, level, edition)
      )`,
    ],
    run: rebuildRollupV5,
  },
  {
    version: 6,
    name: 'name search by an index of character pairs (bigrams)',
    // Measured at 10,000 reports: q= read every report (a LIKE per row), which grows with the reports.
    // pg_trgm would need a locale where Chinese characters are letters (not the C locale the tests'
    // server uses, nor PGlite's), and finds nothing for a two-character name; pairs of characters
    // in a plain GIN index over a text[] work in any locale, on both engines. lower() on both sides
    // is what ILIKE does with a multi-byte encoding, so every report ILIKE finds has every pair. The
    // pairs are a stored column, not an index expression: where the planner walks the list index
    // instead (a search matching most reports), the expression was recomputed per row (~1 ms each
    // on PGlite) and ANALYZE recomputed it for every sampled row (4 s at 10,000 reports).
    statements: [
      `CREATE FUNCTION portal_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}') FROM generate_series(1, length(t) - 1) AS i $$`,
      `ALTER TABLE reports ADD COLUMN search text[]
         GENERATED ALWAYS AS (portal_bigrams(id || ' ' || agency_name)) STORED`,
      'CREATE INDEX reports_search ON reports USING gin (search)',
    ],
  },
  {
    version: 7,
    name: 'no planner statistics on the arrays of values',
    // No query filters on the contents of vals, units or figures, and their element statistics were
    // most of an ANALYZE (PGlite's upkeep runs one every 1,000 writes): at 10,000 reports 4 s of
    // report_cells' 4.7 s, measured on PGlite.
    statements: [
      'ALTER TABLE report_cells ALTER COLUMN vals SET STATISTICS 0, ALTER COLUMN units SET STATISTICS 0',
      'ALTER TABLE reports ALTER COLUMN figures SET STATISTICS 0',
    ],
  },
  {
    version: 8,
    name: "every stored report counted in the roll-up (the list's total)",
    // Measured at 10,000 and 50,000 reports: the total of a list was a count over every matching
    // report (3.9 -> 9.2 ms p50 on PGlite for 5x the reports), the only part of a list page that grew.
    statements: ['ALTER TABLE rollup ADD COLUMN stored int NOT NULL DEFAULT 0'],
    run: rebuildRollup,
  },
];

/** Applies the migrations not yet applied; returns the versions it applied (none on a second run). */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS portal_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM portal_migrations')).map((row) => row.version),
    );
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await migration.run?.(tx);
      await tx.query('INSERT INTO portal_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
