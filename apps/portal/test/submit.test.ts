import { validReport } from '@nianbao/fixtures';
import type { Report } from '@nianbao/template';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../src/agencies.js';
import { ENGINES, type Harness, openHarness } from './engines.js';

const nextYear = (report: Report): Report => {
  const next = structuredClone(report);
  const year = report.metadata.reportYear + 1;
  next.metadata.reportYear = year;
  next.metadata.statisticsPeriod = { start: `${year}-01-01`, end: `${year}-12-31` };
  if (next.metadata.publicationDate) next.metadata.publicationDate = `${year + 1}-01-20`;
  return next;
};

describe.each(ENGINES)('submitting on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses without a token (401), with a wrong token (401), with another agency’s token (403, logged)', async () => {
    const report = validReport('2021', 101);
    const other = validReport('2021', 102);
    const otherToken = await h.register(other);
    const none = await h.request('/api/reports', { method: 'POST', json: report });
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe('NO_TOKEN');
    const wrong = await h.request('/api/reports', { method: 'POST', json: report, token: 'x'.repeat(43) });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('BAD_TOKEN');
    const foreign = await h.request('/api/reports', { method: 'POST', json: report, token: otherToken });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const log = await h.portal.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'denied'",
    );
    expect(log[0]!.n).toBeGreaterThanOrEqual(1);
    const stored = await h.portal.db.query<{ n: number }>('SELECT count(*)::int AS n FROM revisions');
    expect(stored[0]!.n).toBe(0);
  });

  it('stores a report (201), the same content again writes nothing (200), changed content is a new revision', async () => {
    const report = validReport('2021', 103);
    const token = await h.register(report);
    const first = await h.request('/api/reports', { method: 'POST', json: report, token });
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toMatchObject({ revision: 1, unchanged: false });
    // Same content, keys in another order: still the same document.
    const reordered = Object.fromEntries(Object.entries(report).reverse());
    const again = await h.request('/api/reports', { method: 'POST', json: reordered, token });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: created.id, revision: 1, unchanged: true });
    const changed = structuredClone(report);
    changed.metadata.contact = { ...changed.metadata.contact!, phone: '0551-12345678' };
    const second = await h.request('/api/reports', { method: 'POST', json: changed, token });
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ id: created.id, revision: 2 });
    const history = await (await h.request(`/api/reports/${encodeURIComponent(created.id)}/revisions`)).json();
    expect(history.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    const first1 = await (await h.request(`/api/reports/${encodeURIComponent(created.id)}.json?revision=1`)).json();
    expect(first1.document.metadata.contact.phone).toBe(report.metadata.contact!.phone);
    const latest = await (await h.request(`/api/reports/${encodeURIComponent(created.id)}.json`)).json();
    expect(latest).toMatchObject({ revision: 2, latestRevision: 2 });
    const counts = await h.portal.db.query<{ n: number }>(
      'SELECT count(DISTINCT revision)::int AS n FROM cells WHERE report_id = $1',
      [created.id],
    );
    expect(counts[0]!.n).toBe(2);
  });

  it('refuses a report with errors (422, findings as validate --format json), not JSON (400), too large (413)', async () => {
    const report = validReport('2021', 104);
    const token = await h.register(report);
    const broken = structuredClone(report) as unknown as {
      sections: { applications: { table: { newApplications: { total: number } } } };
    };
    broken.sections.applications.table.newApplications.total += 1;
    const invalid = await h.request('/api/reports', { method: 'POST', json: broken, token });
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.error.code).toBe('INVALID_REPORT');
    expect(
      body.findings.some(
        (f: { severity: string; ruleId: string; pointer: string; location?: object }) =>
          f.severity === 'error' && f.pointer.startsWith('/sections/applications') && f.location,
      ),
    ).toBe(true);
    const notJson = await h.request('/api/reports', { method: 'POST', body: '{"edition": "2021",', token });
    expect(notJson.status).toBe(400);
    const reason = await notJson.json();
    expect(reason.error.code).toBe('NOT_JSON');
    expect(reason.error.message).not.toContain('\n');
    const big = await h.request('/api/reports', {
      method: 'POST',
      body: `{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`,
      token,
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('TOO_LARGE');
  });

  it('refuses a removed agency’s token (403); the admin token manages agencies', async () => {
    const report = validReport('2021', 105);
    const created = await h.request('/api/agencies', {
      method: 'POST',
      token: h.adminToken,
      json: { name: report.metadata.agency.name, code: report.metadata.agency.unifiedSocialCreditCode },
    });
    expect(created.status).toBe(201);
    const { token } = await created.json();
    expect(token).toMatch(/^[\w-]{43}$/);
    const asAgency = await h.request('/api/agencies', { token });
    expect(asAgency.status).toBe(403);
    const removed = await h.request(`/api/agencies/${report.metadata.agency.unifiedSocialCreditCode}`, {
      method: 'DELETE',
      token: h.adminToken,
    });
    expect(removed.status).toBe(200);
    const refused = await h.request('/api/reports', { method: 'POST', json: report, token });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('AGENCY_REMOVED');
  });

  it('checks 上年结转 against the stored previous year', async () => {
    const report = validReport('2021', 106);
    const token = await h.register(report);
    const alone = nextYear(report);
    expect((await h.request('/api/reports', { method: 'POST', json: report, token })).status).toBe(201);
    const next = await h.request('/api/reports', { method: 'POST', json: alone, token });
    expect(next.status).toBe(201);
    const body = await next.json();
    expect(body.findings.some((f: { ruleId: string }) => f.ruleId === 'X-CARRY')).toBe(true);
    const review = await (await h.request('/api/review?flag=carry-over')).json();
    expect(review.items.map((item: { id: string }) => item.id)).toContain(body.id);
  });

  it('admin ingest stores a published report with errors, flagged and marked imported; an agency token cannot', async () => {
    const report = validReport('2019', 107) as unknown as {
      sections: { applications: { table: { newApplications: { total: number } } } };
    };
    report.sections.applications.table.newApplications.total += 5;
    const own = await h.register(report as unknown as Report);
    const asAgency = await h.request('/api/reports?imported=true', { method: 'POST', json: report, token: own });
    expect(asAgency.status).toBe(403);
    const stored = await h.request('/api/reports?imported=true', { method: 'POST', json: report, token: h.adminToken });
    expect(stored.status).toBe(201);
    const body = await stored.json();
    expect(body.imported).toBe(true);
    const summary = await (await h.request(`/api/reports/${encodeURIComponent(body.id)}`)).json();
    expect(summary.imported).toBe(true);
    expect(summary.errors).toBeGreaterThan(0);
    const review = await (await h.request('/api/review')).json();
    expect(review.items.map((item: { id: string }) => item.id)).toContain(body.id);
  });

  it('concurrent submissions by one agency: every distinct content one revision, numbers dense', async () => {
    const report = validReport('2021', 108);
    const token = await h.register(report);
    const versions = Array.from({ length: 6 }, (_, i) => {
      const copy = structuredClone(report);
      copy.metadata.contact = { ...copy.metadata.contact!, phone: `0551-6000000${i % 3}` };
      return copy;
    });
    const answers = await Promise.all(
      versions.map((json) => h.request('/api/reports', { method: 'POST', json, token })),
    );
    expect(answers.every((answer) => answer.status === 200 || answer.status === 201)).toBe(true);
    const id = (await answers[0]!.json()).id;
    const revisions = await h.portal.db.query<{ revision: number }>(
      'SELECT revision FROM revisions WHERE report_id = $1 ORDER BY revision',
      [id],
    );
    const created = answers.filter((answer) => answer.status === 201).length;
    expect(revisions.map((r) => r.revision)).toEqual(Array.from({ length: created }, (_, i) => i + 1));
    expect(created).toBeGreaterThanOrEqual(3);
    // All six were first submissions of a report not yet stored: one took the new report's short
    // statement, the others the full one; the roll-up counts the report once, with its latest figures.
    for (const groupBy of ['year', 'division', 'level']) {
      const path = `/api/aggregates?measure=applications&groupBy=${groupBy}`;
      const rolled = await (await h.request(path)).json();
      const passed = await (await h.request(`${path}&q=-`)).json();
      expect(rolled.rows, path).toEqual(passed.rows);
    }
    const all = await h.portal.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
    expect((await (await h.request('/api/reports')).json()).total).toBe(all[0]!.n);
  });
});

describe('API tokens', () => {
  it('never start with "-", which a command line would read as an option (--token -Xb3…)', () => {
    // Without the rule, 1 base64url token in 64 starts with "-": of 3,000, one does all but surely.
    const tokens = Array.from({ length: 3000 }, newToken);
    for (const token of tokens) expect(token).toMatch(/^[\w][\w-]{42}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
