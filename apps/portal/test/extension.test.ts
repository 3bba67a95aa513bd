/** A portal started with a local extension validates submissions with its added row and rule. */
import { fileURLToPath } from 'node:url';
import { applyExtensions, loadExtensions } from '@nianbao/extension';
import { validReport } from '@nianbao/fixtures';
import { editionLayout } from '@nianbao/view-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationByEdition } from '../src/index.js';
import { ENGINES, type Harness, openHarness } from './engines.js';

const EXTENSION = fileURLToPath(new URL('../../../examples/extensions/other-documents', import.meta.url));

async function validation(): Promise<ValidationByEdition> {
  const loaded = await loadExtensions([EXTENSION]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const applied = applyExtensions('2021', loaded.extensions);
  if (!applied.ok) throw new Error(JSON.stringify(applied.problems));
  const { schema, extraRules, severity } = applied.applied;
  return { '2021': { schema, extraRules, severity } };
}

describe.each(ENGINES)('portal with --extension (%s)', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(engine, { validation: await validation() });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a report without the added row, stores one with it, refuses one breaking the added rule', async () => {
    const report = validReport('2021', 301) as any;
    const token = await h.register(report);
    const missing = await h.request('/api/reports', { method: 'POST', json: report, token });
    expect(missing.status).toBe(422);
    const body = await missing.json();
    expect(body.findings.map((f: { pointer: string }) => f.pointer)).toContain(
      '/sections/proactiveDisclosure/table/article20Item1/otherDocuments',
    );
    const broken = structuredClone(report);
    broken.sections.proactiveDisclosure.table.article20Item1.otherDocuments = { issued: 5, repealed: 0, inForce: 1 };
    const refused = await h.request('/api/reports', { method: 'POST', json: broken, token });
    expect(refused.status).toBe(422);
    expect((await refused.json()).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['EXT-OTHER-INFORCE']);
    const good = structuredClone(report);
    good.sections.proactiveDisclosure.table.article20Item1.otherDocuments = { issued: 1, repealed: 0, inForce: 4 };
    const stored = await h.request('/api/reports', { method: 'POST', json: good, token });
    expect(stored.status).toBe(201);
  });

  it('stores the added row as cells: in /api/cells with its titles, in the cells view, after the official ones', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test writes the extension's row into a generated report
    const report = validReport('2021', 302) as any;
    report.sections.proactiveDisclosure.table.article20Item1.otherDocuments = { issued: 2, repealed: 1, inForce: 7 };
    const token = await h.register(report);
    const stored = await h.request('/api/reports', { method: 'POST', json: report, token });
    expect(stored.status).toBe(201);
    const { id } = await stored.json();
    const all = await (await h.request(`/api/cells?report=${encodeURIComponent(id)}&pageSize=10000`)).json();
    const official = editionLayout('2021').tables.reduce((sum, t) => sum + t.cells.length, 0);
    const added = all.items.slice(official);
    expect(all.items).toHaveLength(official + 3);
    expect(added.map((row: { value: string }) => row.value)).toEqual(['2', '1', '7']);
    expect(added.every((row: { table: string; row_id: string }) => row.row_id.includes('otherDocuments'))).toBe(true);
    expect(added[0].row_label).toContain('其他主动公开文件');
    const one = await (
      await h.request(
        `/api/cells?report=${encodeURIComponent(id)}&row=${encodeURIComponent(added[2].row_id)}&column=${added[2].column_id}`,
      )
    ).json();
    expect(one.items.map((row: { value: string }) => row.value)).toEqual(['7']);
    const rows = await h.portal.db.query<{ n: number; official: number }>(
      'SELECT count(*)::int AS n, count(*) FILTER (WHERE official)::int AS official FROM cells WHERE report_id = $1',
      [id],
    );
    expect(rows[0]).toEqual({ n: official + 3, official });
    // A report of the other edition (no extension there) lists only its official cells.
    const other = validReport('2019', 304);
    const otherStored = await h.request('/api/reports', { method: 'POST', json: other, token: h.adminToken });
    expect(otherStored.status).toBe(201);
    const otherCells = await (
      await h.request(`/api/cells?report=${encodeURIComponent((await otherStored.json()).id)}&pageSize=10000`)
    ).json();
    expect(otherCells.items).toHaveLength(editionLayout('2019').tables.reduce((sum, t) => sum + t.cells.length, 0));
  });
});
