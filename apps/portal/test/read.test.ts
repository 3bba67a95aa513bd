import { validReport } from '@nianbao/fixtures';
import { editionLayout } from '@nianbao/view-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_KEYS } from '../src/cells.js';
import { MEASURES, MIGRATIONS, migrate } from '../src/index.js';
import { ENGINES, type Harness, openHarness } from './engines.js';

const HOSTILE = [
  "'; DROP TABLE reports; --",
  '1 OR 1=1',
  "x') UNION SELECT token_hash, null FROM agencies --",
  '%_\\',
  '$1',
];
const PARAMETERS = [
  'year',
  'division',
  'level',
  'q',
  'edition',
  'page',
  'pageSize',
  'measure',
  'groupBy',
  'depth',
  'report',
  'table',
  'row',
  'column',
  'flag',
  'revision',
];
const ENDPOINTS = [
  '/api/reports',
  '/api/cells',
  '/api/aggregates?measure=applications&',
  '/api/review',
  '/',
  '/review',
];

/** Response.text() drops a byte order mark; the CSVs must keep theirs (Excel and WPS need it). */
const textWithBom = async (answer: { arrayBuffer(): Promise<ArrayBuffer> }) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await answer.arrayBuffer());

describe('measures', () => {
  it('read cells that exist in both editions', () => {
    for (const edition of ['2019', '2021'] as const) {
      const cells = new Set(
        editionLayout(edition).tables.flatMap((t) => t.cells.map((c) => `${t.key}|${c.rowId}|${c.columnId}`)),
      );
      for (const measure of MEASURES)
        for (const ref of [...measure.numerator, ...(measure.denominator ?? [])])
          expect(cells.has(`${ref.table}|${ref.rowId}|${ref.columnId}`), `${measure.key} in ${edition}`).toBe(true);
    }
  });
});

describe.each(ENGINES)('reading on %s', (engine) => {
  let h: Harness;
  const ids: string[] = [];
  beforeAll(async () => {
    h = await openHarness(engine);
    for (let seed = 1; seed <= 6; seed++) {
      const report = validReport(seed % 2 === 0 ? '2019' : '2021', 500 + seed);
      const answer = await h.request('/api/reports', { method: 'POST', json: report, token: h.adminToken });
      expect(answer.status).toBe(201);
      ids.push((await answer.json()).id);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('migrations run once: a second (and a concurrent) run applies nothing', async () => {
    expect(await migrate(h.portal.db)).toEqual([]);
    expect(await Promise.all([migrate(h.portal.db), migrate(h.portal.db)])).toEqual([[], []]);
    const rows = await h.portal.db.query<{ version: number }>('SELECT version FROM portal_migrations');
    expect(rows.map((row) => row.version).sort()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('migrations 2 and 4 rebuild the cells and figures of a version-1 database from its documents', async () => {
    const db = await h.emptyDatabase();
    try {
      expect(await migrate(db, MIGRATIONS.slice(0, 1))).toEqual([1]);
      const report = validReport('2021', 42);
      await db.query("INSERT INTO agencies (name, code) VALUES ('x', 'x')");
      await db.query(
        "INSERT INTO reports (id, agency_id, year, edition, agency_name, division, level, revision) VALUES ('r', 1, 2022, '2021', 'x', '110000', 'municipal', 1)",
      );
      await db.query(
        "INSERT INTO revisions (report_id, revision, content_hash, document, findings) VALUES ('r', 1, 'h', $1, '[]')",
        [JSON.stringify(report)],
      );
      expect(await migrate(db)).toEqual([2, 3, 4, 5, 6, 7, 8]);
      const cells = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM cells WHERE report_id = 'r'");
      expect(cells[0]!.n).toBe(editionLayout('2021').tables.reduce((sum, t) => sum + t.cells.length, 0));
      const figures = await db.query<{ n: number }>("SELECT figures[$1::int]::int AS n FROM reports WHERE id = 'r'", [
        FIGURE_KEYS.indexOf('applications|newApplications|total') + 1,
      ]);
      expect(figures[0]!.n).toBe(
        (report.sections.applications.table as { newApplications: { total: number } }).newApplications.total,
      );
    } finally {
      await db.close();
    }
  });

  it('lists reports with filters and pages', async () => {
    const all = await (await h.request('/api/reports?pageSize=4')).json();
    expect(all.total).toBe(6);
    expect(all.items).toHaveLength(4);
    const second = await (await h.request('/api/reports?pageSize=4&page=2')).json();
    expect(second.items).toHaveLength(2);
    const first = all.items[0];
    const byYear = await (await h.request(`/api/reports?year=${first.year}`)).json();
    expect(byYear.items.every((item: { year: number }) => item.year === first.year)).toBe(true);
    const byDivision = await (await h.request(`/api/reports?division=${first.division.slice(0, 2)}0000`)).json();
    expect(byDivision.items.map((item: { id: string }) => item.id)).toContain(first.id);
    const byName = await (await h.request(`/api/reports?q=${encodeURIComponent(first.agencyName.slice(0, 4))}`)).json();
    expect(byName.items.map((item: { id: string }) => item.id)).toContain(first.id);
    const byLevel = await (await h.request(`/api/reports?level=${first.level}`)).json();
    expect(byLevel.items.every((item: { level: string }) => item.level === first.level)).toBe(true);
  });

  it('name search (the bigram index) finds what a LIKE over every report finds, Latin letters in any case', async () => {
    const base = validReport('2021', 520);
    const name = base.metadata.agency.name;
    const latin = JSON.parse(JSON.stringify(base).replaceAll(name, `${name}OpenData中心`));
    const stored = await h.request('/api/reports', { method: 'POST', json: latin, token: h.adminToken });
    expect(stored.status).toBe(201);
    const all = (await (await h.request('/api/reports?pageSize=100')).json()).items as {
      id: string;
      agencyName: string;
    }[];
    const some = all[0]!;
    const queries = [
      some.agencyName.slice(0, 1),
      some.agencyName.slice(0, 2),
      some.agencyName.slice(-3),
      some.id.slice(0, 4),
      `${some.id.slice(0, 6)}-`,
      'opendata',
      'DATA中',
      'aT',
      '不存在的机关',
    ];
    for (const q of queries) {
      const found = await (await h.request(`/api/reports?pageSize=100&q=${encodeURIComponent(q)}`)).json();
      const lower = q.toLowerCase();
      const expected = all.filter(
        (report) => report.agencyName.toLowerCase().includes(lower) || report.id.toLowerCase().includes(lower),
      );
      expect(found.items.map((item: { id: string }) => item.id).sort(), q).toEqual(expected.map((r) => r.id).sort());
      expect(found.total, q).toBe(expected.length);
    }
    expect(all.some((report) => report.agencyName.includes('OpenData'))).toBe(true);
  });

  it('serves tidy cells with the build’s CSV columns, and aggregates read from both editions', async () => {
    const cells = await (
      await h.request(
        `/api/cells?report=${encodeURIComponent(ids[0]!)}&table=applications&row=newApplications&column=total`,
      )
    ).json();
    expect(cells.items).toHaveLength(1);
    expect(Object.keys(cells.items[0])).toEqual([
      'report_id',
      'agency',
      'division',
      'year',
      'edition',
      'table',
      'row_id',
      'row_label',
      'column_id',
      'column_label',
      'value',
      'unit',
    ]);
    expect(cells.items[0].row_label).toBe('一、本年新收政府信息公开申请数量');
    const byEdition = await (await h.request('/api/aggregates?measure=applications&groupBy=year')).json();
    const total = byEdition.rows.reduce((sum: number, row: { value: number }) => sum + row.value, 0);
    const expected = await h.portal.db.query<{ n: number }>(
      "SELECT sum(value)::float8 AS n FROM cells WHERE tbl = 'applications' AND row_id = 'newApplications' AND column_id = 'total'",
    );
    expect(total).toBe(expected[0]!.n);
    const editions = await h.portal.db.query<{ edition: string }>('SELECT DISTINCT edition FROM reports ORDER BY 1');
    expect(editions.map((row) => row.edition)).toEqual(['2019', '2021']);
    const rate = await (
      await h.request('/api/aggregates?measure=reconsiderationCorrectedRate&groupBy=division&depth=city')
    ).json();
    for (const row of rate.rows) {
      expect(row.group).toMatch(/^\d{4}00$/);
      if (row.value !== null) expect(row.value).toBeCloseTo(row.numerator / row.denominator);
    }
  });

  it('the roll-up kept at each submission gives the aggregates of a pass over the reports', async () => {
    // A revision with other tables (new figures), and an imported revision with errors (its report
    // leaves the aggregates).
    // biome-ignore lint/suspicious/noExplicitAny: the test swaps parts of generated reports
    const revised = { ...validReport('2021', 501), sections: validReport('2021', 9999).sections } as any;
    const stored = await h.request('/api/reports', { method: 'POST', json: revised, token: h.adminToken });
    expect(stored.status).toBe(201);
    expect((await stored.json()).revision).toBe(2);
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks a sum of a generated report
    const broken = validReport('2019', 502) as any;
    broken.sections.applications.table.newApplications.total += 5;
    const imported = await h.request('/api/reports?imported=true', {
      method: 'POST',
      json: broken,
      token: h.adminToken,
    });
    expect(imported.status).toBe(201);
    expect((await imported.json()).findings.some((f: { severity: string }) => f.severity === 'error')).toBe(true);
    for (const measure of MEASURES)
      for (const groupBy of ['year', 'division', 'level']) {
        const path = `/api/aggregates?measure=${measure.key}&groupBy=${groupBy}`;
        const rolled = await (await h.request(path)).json();
        // q=- matches every report id (division-name-year): the same reports, read one by one.
        const passed = await (await h.request(`${path}&q=-`)).json();
        expect(rolled.rows, path).toEqual(passed.rows);
        expect(rolled.rows.length, path).toBeGreaterThan(0);
      }
    // The list's total from the roll-up (every stored report, errors included) is a count of the reports.
    const first = (await (await h.request('/api/reports?pageSize=1')).json()).items[0];
    for (const filter of [
      '',
      `year=${first.year}`,
      `division=${first.division.slice(0, 2)}0000`,
      `division=${first.division}`,
      `level=${first.level}`,
      'edition=2019',
      `year=${first.year}&level=${first.level}&edition=${first.edition}`,
    ]) {
      const rolled = await (await h.request(`/api/reports?${filter}`)).json();
      const counted = await (await h.request(`/api/reports?${filter}&q=-`)).json();
      expect(rolled.total, filter).toBe(counted.total);
      expect(rolled.total, filter).toBeGreaterThan(0);
    }
    const all = await h.portal.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
    expect((await (await h.request('/api/reports')).json()).total).toBe(all[0]!.n);
  });

  it('renders a report as JSON, HTML, CSV and PDF, and a year as a data package', async () => {
    const id = encodeURIComponent(ids[0]!);
    const html = await h.request(`/api/reports/${id}.html`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('政府信息公开工作年度报告');
    const csv = await textWithBom(await h.request(`/api/reports/${id}.csv`));
    expect(csv.split('\r\n')[0]).toBe(
      'report_id,agency,credit_code,division_code,report_year,edition,table,row_id,row_label,column_id,column_label,value,unit,pointer',
    );
    const pdf = new Uint8Array(await (await h.request(`/api/reports/${id}.pdf`)).arrayBuffer());
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const year = (await (await h.request(`/api/reports/${id}`)).json()).year;
    const descriptor = await (await h.request(`/api/years/${year}/datapackage.json`)).json();
    expect(descriptor.resources.map((r: { path: string }) => r.path)).toEqual(['reports.csv', 'cells.csv']);
    const yearCells = (await textWithBom(await h.request(`/api/years/${year}/cells.csv`))).trimEnd().split('\r\n');
    expect(yearCells[0]).toBe(
      `\uFEFF${descriptor.resources[1].schema.fields.map((f: { name: string }) => f.name).join(',')}`,
    );
    expect(yearCells.length).toBeGreaterThan(100);
    expect((await h.request('/api/reports/nothing-2020.pdf')).status).toBe(404);
  });

  it('SQL-shaped text in every query parameter is data: 200 or 400 in the one error shape, nothing changed', async () => {
    const before = await h.portal.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
    for (const endpoint of ENDPOINTS)
      for (const name of PARAMETERS)
        for (const text of HOSTILE) {
          const sep = endpoint.includes('?') ? '' : '?';
          const answer = await h.request(`${endpoint}${sep}${name}=${encodeURIComponent(text)}`);
          expect([200, 400], `${endpoint} ${name}=${text}`).toContain(answer.status);
          if (answer.status === 400 && endpoint.startsWith('/api'))
            expect((await answer.json()).error.code).toBe('BAD_REQUEST');
        }
    for (const text of HOSTILE) {
      const answer = await h.request(`/api/reports/${encodeURIComponent(text)}.json`);
      expect(answer.status).toBe(404);
      const revisions = await h.request(
        `/api/reports/${encodeURIComponent(text)}?revision=${encodeURIComponent(text)}`,
      );
      expect(revisions.status).toBe(400);
    }
    const q = await (await h.request(`/api/reports?q=${encodeURIComponent("' OR ''='")}`)).json();
    expect(q.total).toBe(0);
    const after = await h.portal.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
    expect(after).toEqual(before);
  });
});
