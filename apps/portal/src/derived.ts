/**
 * What the portal derives from a stored revision: its cells and the report's key figures, written in
 * the revision's own statement and recomputed from the documents by a migration that changes them.
 *
 * A revision's cells are one row of `report_cells`: `vals[i]` and `units[i]` are the cell at place
 * `i` of its edition (`places`). Measured at 10,000 reports, a row per cell (200 index entries per
 * submission) was the largest part of an ingest on PGlite and of the storage; one row of two arrays
 * is written in one index entry, and the cells of one place across a year are read as `vals[i]` per
 * report. The view `cells` shows them as the tidy rows (one per cell) for anyone querying in SQL.
 */
import type { Edition, Report } from '@nianbao/template';
import { editionLayout } from '@nianbao/view-model';
import { type CellRow, cellsOf, figuresOf } from './cells.js';
import type { Queryable } from './db/database.js';

const placeKey = (edition: string, table: string, rowId: string, columnId: string) =>
  `${edition}\u0000${table}\u0000${rowId}\u0000${columnId}`;

/** The official places of an edition, in document order (place i + 1 is the layout's cell i). */
export function officialPlaces(
  edition: Edition,
): { table: string; rowId: string; columnId: string; rowLabel: string; columnLabel: string }[] {
  return editionLayout(edition).tables.flatMap((layout) =>
    layout.cells.map((cell) => ({
      table: layout.key,
      rowId: cell.rowId,
      columnId: cell.columnId,
      rowLabel: cell.rowLabels.join(' › '),
      columnLabel: cell.columnLabels.join(' › '),
    })),
  );
}

/** Writes the official places of both editions (a migration's step; places never move afterwards). */
export async function seedPlaces(tx: Queryable): Promise<void> {
  for (const edition of ['2019', '2021'] as const) {
    const places = officialPlaces(edition);
    await tx.query(
      `INSERT INTO places (edition, idx, tbl, row_id, column_id, row_label, column_label, official)
       SELECT $1, i::int, t, r, c, rl, cl, true
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS x(t, r, c, rl, cl, i)
       ON CONFLICT DO NOTHING`,
      [
        edition,
        places.map((p) => p.table),
        places.map((p) => p.rowId),
        places.map((p) => p.columnId),
        places.map((p) => p.rowLabel),
        places.map((p) => p.columnLabel),
      ],
    );
  }
}

/**
 * The places known to this process. Official places are read once; a place an extension adds is
 * stored on first sight (in the submission's transaction) and known from then on. A place stored by
 * another process (several portals on one server) is found in the table when this one misses it.
 */
export class Places {
  private readonly known = new Map<string, number>();
  private loaded: Promise<void> | undefined;

  async load(db: Queryable): Promise<void> {
    this.loaded ??= (async () => {
      const rows = await db.query<{ edition: string; idx: number; tbl: string; row_id: string; column_id: string }>(
        'SELECT edition, idx, tbl, row_id, column_id FROM places',
      );
      for (const row of rows) this.known.set(placeKey(row.edition, row.tbl, row.row_id, row.column_id), row.idx);
    })();
    return this.loaded;
  }

  /** The place of every cell, storing the ones not seen yet; `remember` is called after the commit. */
  async resolve(
    tx: Queryable,
    edition: string,
    cells: readonly CellRow[],
    serialise: boolean,
  ): Promise<{ places: number[]; remember: () => void }> {
    const added: [string, number][] = [];
    const places: number[] = [];
    for (const cell of cells) {
      const key = placeKey(edition, cell.table, cell.rowId, cell.columnId);
      let idx = this.known.get(key) ?? added.find(([k]) => k === key)?.[1];
      if (idx === undefined) {
        idx = await storePlace(tx, edition, cell, serialise);
        added.push([key, idx]);
      }
      places.push(idx);
    }
    const remember = () => {
      for (const [key, idx] of added) this.known.set(key, idx);
    };
    return { places, remember };
  }
}

async function storePlace(tx: Queryable, edition: string, cell: CellRow, serialise: boolean): Promise<number> {
  // Two servers' transactions adding places to one edition at once would pick the same next number.
  if (serialise) await tx.query("SELECT pg_advisory_xact_lock(hashtext('nianbao-portal-places'))");
  const rows = await tx.query<{ idx: number }>(
    `WITH found AS (SELECT idx FROM places WHERE edition = $1 AND tbl = $2 AND row_id = $3 AND column_id = $4),
     added AS (
       INSERT INTO places (edition, idx, tbl, row_id, column_id, row_label, column_label, official)
       SELECT $1, coalesce((SELECT max(idx) FROM places WHERE edition = $1), 0) + 1, $2, $3, $4, $5, $6, false
       WHERE NOT EXISTS (SELECT 1 FROM found) RETURNING idx)
     SELECT idx FROM found UNION ALL SELECT idx FROM added`,
    [edition, cell.table, cell.rowId, cell.columnId, cell.rowLabel, cell.columnLabel],
  );
  return rows[0]!.idx;
}

/**
 * A revision's cells as the two arrays of its `report_cells` row. `units[i]` is '' for a cell without
 * a unit and NULL where the report has no cell at place i (a place of an extension it does not use).
 */
export function cellArrays(
  cells: readonly CellRow[],
  places: readonly number[],
): { vals: (string | null)[]; units: (string | null)[] } {
  const length = places.reduce((max, idx) => Math.max(max, idx), 0);
  const vals: (string | null)[] = new Array(length).fill(null);
  const units: (string | null)[] = new Array(length).fill(null);
  cells.forEach((cell, i) => {
    vals[places[i]! - 1] = cell.value;
    units[places[i]! - 1] = cell.unit ?? '';
  });
  return { vals, units };
}

/** Migration 4's step: every revision's `report_cells` row and every report's figures from its document. */
export async function recomputeDerived(tx: Queryable): Promise<void> {
  const places = new Places();
  await places.load(tx);
  let after = '';
  for (;;) {
    const reports = await tx.query<{ id: string; revision: number }>(
      'SELECT id, revision FROM reports WHERE id > $1 ORDER BY id LIMIT 500',
      [after],
    );
    if (reports.length === 0) return;
    for (const report of reports) {
      const revisions = await tx.query<{ revision: number; document: Report }>(
        'SELECT revision, document FROM revisions WHERE report_id = $1',
        [report.id],
      );
      for (const stored of revisions) {
        const cells = cellsOf(stored.document);
        const edition = String(stored.document.edition);
        const resolved = await places.resolve(tx, edition, cells, false);
        resolved.remember();
        const { vals, units } = cellArrays(cells, resolved.places);
        await tx.query(
          `INSERT INTO report_cells (report_id, revision, edition, vals, units) VALUES ($1, $2, $3, $4::numeric[], $5::text[])
           ON CONFLICT (report_id, revision) DO UPDATE SET edition = EXCLUDED.edition, vals = EXCLUDED.vals, units = EXCLUDED.units`,
          [report.id, stored.revision, edition, vals, units],
        );
        if (stored.revision === report.revision)
          await tx.query('UPDATE reports SET figures = $2 WHERE id = $1', [report.id, figuresOf(cells)]);
      }
    }
    after = reports[reports.length - 1]!.id;
  }
}

export interface PlaceInfo {
  table: string;
  rowId: string;
  columnId: string;
  rowLabel: string;
  columnLabel: string;
}

/** Every place with its labels, per database object, read again when a place is not known yet. */
const placeInfoByDatabase = new WeakMap<Queryable, Map<string, PlaceInfo>>();

/**
 * The ids and labels of places (edition, idx). A place never changes once stored, so they are read
 * once per process (and again when another process stored a new one): a page of cells then carries
 * only place numbers from the database, not the same labels on each of its 1,000 rows.
 */
export async function placeInfos(
  db: Queryable,
  wanted: readonly { edition: string; idx: number }[],
): Promise<(edition: string, idx: number) => PlaceInfo> {
  let known = placeInfoByDatabase.get(db);
  if (!known || wanted.some((place) => !known!.has(`${place.edition}\u0000${place.idx}`))) {
    const rows = await db.query<{
      edition: string;
      idx: number;
      tbl: string;
      row_id: string;
      column_id: string;
      row_label: string;
      column_label: string;
    }>('SELECT edition, idx, tbl, row_id, column_id, row_label, column_label FROM places');
    known = new Map(
      rows.map((row) => [
        `${row.edition}\u0000${row.idx}`,
        {
          table: row.tbl,
          rowId: row.row_id,
          columnId: row.column_id,
          rowLabel: row.row_label,
          columnLabel: row.column_label,
        },
      ]),
    );
    placeInfoByDatabase.set(db, known);
  }
  const found = known;
  return (edition, idx) => found.get(`${edition}\u0000${idx}`)!;
}
