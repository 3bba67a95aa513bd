/** A portal started with a local extension validates submissions with its added row and rule. */
import { fileURLToPath } from 'node:url';
import { applyExtensions, loadExtensions } from '@nianbao/extension';
import { validReport } from '@nianbao/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidationByEdition } from '../src/index.js';
import { type Harness, openHarness } from './engines.js';

const EXTENSION = fileURLToPath(new URL('../../../examples/extensions/other-documents', import.meta.url));

async function validation(): Promise<ValidationByEdition> {
  const loaded = await loadExtensions([EXTENSION]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const applied = applyExtensions('2021', loaded.extensions);
  if (!applied.ok) throw new Error(JSON.stringify(applied.problems));
  const { schema, extraRules, severity } = applied.applied;
  return { '2021': { schema, extraRules, severity } };
}

describe('portal with --extension (PGlite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('pglite', { validation: await validation() });
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
});
