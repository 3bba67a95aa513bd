/**
 * PGlite runs no autovacuum (it is one process without background workers), so without this its
 * planner would keep the statistics of an empty database (sorting 10,000 reports where a hash would
 * do) and no index-only scan would ever be possible (no visibility map). The portal does the
 * autovacuum's work itself: at open and after every WRITES_BETWEEN stored revisions. A server's
 * autovacuum does it there.
 */
import type { Database } from './database.js';

const WRITES_BETWEEN = 1000;
const writes = new WeakMap<Database, number>();

export async function tidyUp(db: Database): Promise<void> {
  if (db.kind !== 'pglite') return;
  try {
    await db.query('VACUUM ANALYZE');
  } catch {
    // A failed upkeep leaves the planner's statistics older; the submission itself was stored.
  }
}

/** Counts a stored revision; every WRITES_BETWEEN, vacuums and analyses (PGlite only). */
export async function noteWrite(db: Database): Promise<void> {
  if (db.kind !== 'pglite') return;
  const count = (writes.get(db) ?? 0) + 1;
  writes.set(db, count);
  if (count % WRITES_BETWEEN === 0) await tidyUp(db);
}
