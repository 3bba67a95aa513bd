/**
 * The server against real HTTP: what it refuses (paths outside the folder, other origins, writes
 * without the session token, other Host names, oversized bodies), conflicts, and what saving,
 * creating and publishing write into the folder.
 */
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startServer, type RunningServer } from '../src/server/index.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
let server: RunningServer;
let folder: string;
let origin: string;

const write = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: path === 'api/report' ? 'PUT' : 'POST',
    headers: { 'content-type': 'application/json', origin, 'x-nianbao-token': server.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'nianbao-serve-'));
  cpSync(join(EXAMPLES, 'sample-bureau-2021.yaml'), join(folder, 'sample.yaml'));
  writeFileSync(join(folder, 'broken.yaml'), 'edition: "2021"\nmetadata: [\n');
  writeFileSync(join(tmpdir(), 'outside-secret.yaml'), 'secret: 1\n');
  symlinkSync(join(tmpdir(), 'outside-secret.yaml'), join(folder, 'link.yaml'));
  server = await startServer({ folder, port: 0 });
  origin = server.url.replace(/\/$/, '');
});
afterAll(async () => server.close());

describe('paths', () => {
  const names = [
    '../outside-secret.yaml',
    '..%2Foutside-secret.yaml',
    '%2e%2e%2foutside-secret.yaml',
    '%252e%252e%252foutside-secret.yaml',
    '/etc/passwd.yaml',
    'a/../../outside-secret.yaml',
    '.hidden.yaml',
    'sample.txt',
    'link.yaml',
    '..\\outside-secret.yaml',
  ];
  for (const name of names)
    it(`refuses ${name}`, async () => {
      const response = await fetch(`${server.url}api/report?file=${encodeURIComponent(name)}`);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.reason).toMatch(/目录|报告文件名/);
      expect(JSON.stringify(body)).not.toContain('secret: 1');
    });

  it('refuses to write outside the folder', async () => {
    const response = await write('api/new', { file: '../escape.yaml', year: 2023 });
    expect(response.status).toBe(400);
    expect(existsSync(join(folder, '..', 'escape.yaml'))).toBe(false);
  });
});

describe('origin, host and token', () => {
  it('refuses a request naming another host (DNS rebinding)', async () => {
    // fetch() does not let a caller set Host; a plain HTTP request does, as a rebinding page's would.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${server.url}api/reports`, { headers: { host: 'evil.example:80' } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error.reason).toContain('evil.example');
  });
  it('refuses a write from another origin', async () => {
    const response = await write('api/new', { file: 'x.yaml', year: 2023 }, { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(existsSync(join(folder, 'x.yaml'))).toBe(false);
  });
  it('refuses a write without Origin', async () => {
    const response = await fetch(`${server.url}api/new`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nianbao-token': server.token },
      body: JSON.stringify({ file: 'x.yaml', year: 2023 }),
    });
    expect(response.status).toBe(403);
  });
  it('refuses a write without the token, or with another', async () => {
    for (const token of ['', 'not-the-token']) {
      const response = await write('api/new', { file: 'x.yaml', year: 2023 }, { 'x-nianbao-token': token });
      expect(response.status).toBe(403);
      expect((await response.json()).error.reason).toContain('令牌');
    }
    expect(existsSync(join(folder, 'x.yaml'))).toBe(false);
  });
  it('puts the token into its own page only', async () => {
    const page = await (await fetch(server.url)).text();
    expect(page).toContain(server.token);
  });
  it('answers in English when asked', async () => {
    const response = await write(
      'api/new',
      { file: 'x.yaml', year: 2023 },
      { 'x-nianbao-token': 'x', 'x-nianbao-lang': 'en' },
    );
    expect((await response.json()).error.reason).toContain('token');
  });
});

describe('limits and errors', () => {
  it('refuses a body over the source size limit with JSON', async () => {
    const big = JSON.stringify({ file: 'sample.yaml', document: 'x'.repeat(21 * 1024 * 1024), version: null });
    const response = await write('api/report', big);
    expect(response.status).toBe(413);
    expect((await response.json()).error.reason).toMatch(/上限/);
  });
  it('answers an unknown API with JSON', async () => {
    const response = await fetch(`${server.url}api/nothing`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.reason).toBeTruthy();
  });
  it('lists refused files with their one-line reason', async () => {
    const { reports } = await (await fetch(`${server.url}api/reports`)).json();
    const broken = reports.find((entry: { name: string }) => entry.name === 'broken.yaml');
    expect(broken.refused).toMatch(/^broken\.yaml:\d+:\d+: /);
    expect(broken.refused.split('\n')).toHaveLength(1);
    const sample = reports.find((entry: { name: string }) => entry.name === 'sample.yaml');
    expect(sample.report).toMatchObject({ edition: '2021', year: 2023, errors: 0, warnings: 0 });
  });
  it('never overwrites a file the reader refuses', async () => {
    const before = readFileSync(join(folder, 'broken.yaml'), 'utf8');
    const response = await write('api/report', { file: 'broken.yaml', document: { edition: '2021' }, version: null });
    expect(response.status).toBe(422);
    expect(readFileSync(join(folder, 'broken.yaml'), 'utf8')).toBe(before);
  });
});

describe('saving', () => {
  it('keeps comments and key order, detects a change on disk (409), then saves on the new version', async () => {
    const opened = await (await fetch(`${server.url}api/report?file=sample.yaml`)).json();
    const document = structuredClone(opened.document);
    document.metadata.contact.phone = '0000-12345678';
    const first = await write('api/report', { file: 'sample.yaml', document, version: opened.version });
    expect(first.status).toBe(200);
    const text = readFileSync(join(folder, 'sample.yaml'), 'utf8');
    expect(text).toContain('# SAMPLE DATA');
    expect(text).toContain('phone: "0000-12345678"  # 电话');
    // Only the changed line differs from the hand-written file.
    const before = readFileSync(join(EXAMPLES, 'sample-bureau-2021.yaml'), 'utf8').split('\n');
    const after = text.split('\n');
    expect(after).toHaveLength(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(['    phone: "0000-12345678"  # 电话']);
    expect(text).toContain('# 1 application dropped because the fee was not paid');
    expect(Object.keys(parse(text))).toEqual(['edition', 'metadata', 'preface', 'sections']);
    // The editor still holds the old version: the save is refused and the file left alone.
    const stale = await write('api/report', {
      file: 'sample.yaml',
      document: opened.document,
      version: opened.version,
    });
    expect(stale.status).toBe(409);
    const conflict = await stale.json();
    expect(conflict.current.document.metadata.contact.phone).toBe('0000-12345678');
    expect(readFileSync(join(folder, 'sample.yaml'), 'utf8')).toBe(text);
    const forced = await write('api/report', {
      file: 'sample.yaml',
      document: opened.document,
      version: conflict.current.version,
    });
    expect(forced.status).toBe(200);
    expect(parse(readFileSync(join(folder, 'sample.yaml'), 'utf8'))).toEqual(opened.document);
    expect(readdirSync(folder).filter((name) => name.includes('nianbao-tmp'))).toEqual([]);
  });
});

describe('previews', () => {
  it('renders the PDF and the page of the document the editor holds (unsaved)', async () => {
    const document = parse(readFileSync(join(EXAMPLES, 'sample-bureau-2021.yaml'), 'utf8'));
    document.metadata.agency.name = '预览测试局';
    const pdf = await write('api/preview.pdf', { document });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const html = await write('api/preview.html', { document });
    expect(await html.text()).toContain('预览测试局');
  });
  it('says in one line why an incomplete report cannot be laid out yet', async () => {
    const response = await write('api/preview.html', { document: { edition: '2021', metadata: {} } });
    expect(response.status).toBe(422);
    expect((await response.json()).error.reason).toMatch(/^报告结构尚不完整/);
  });
});

describe('import of a published report', () => {
  it('makes a draft from a published page, with the text it could not place', async () => {
    const page = readFileSync(join(EXAMPLES, 'published', 'chizhou-rfb-2020.txt'));
    const response = await fetch(`${server.url}api/import`, {
      method: 'POST',
      headers: { origin, 'x-nianbao-token': server.token, 'x-file-name': encodeURIComponent('chizhou-rfb-2020.txt') },
      body: page,
    });
    expect(response.status).toBe(200);
    const draft = await response.json();
    expect(draft.document.edition).toBe('2019');
    expect(draft.document.metadata.agency.name).toContain('池州');
    expect(Array.isArray(draft.unplaced)).toBe(true);
    const saved = await write('api/new', { file: 'imported.yaml', year: 2020, document: draft.document });
    expect(saved.status).toBe(200);
    expect(parse(readFileSync(join(folder, 'imported.yaml'), 'utf8'))).toEqual(draft.document);
  });
  it('makes a draft from a published PDF, every number of its tables in its cell, and keeps the server as it was', async () => {
    const pdf = readFileSync(
      fileURLToPath(
        new URL('../../../packages/importer/test/corpus/sh-gov-office-2019-pdf/source.pdf', import.meta.url),
      ),
    );
    const builtins = [Array.prototype.push, JSON.parse, JSON.stringify];
    const response = await fetch(`${server.url}api/import`, {
      method: 'POST',
      headers: {
        origin,
        'x-nianbao-token': server.token,
        'x-file-name': encodeURIComponent('上海市政府办公厅2019年报.pdf'),
      },
      body: pdf,
    });
    expect(response.status).toBe(200);
    const draft = await response.json();
    expect(draft.document.metadata.agency.name).toBe('上海市人民政府办公厅');
    expect(draft.document.sections.applications.table.newApplications.naturalPerson).toBe(821);
    // pdfjs-dist's legacy build replaces these for the whole process; the importer puts them back.
    expect([Array.prototype.push, JSON.parse, JSON.stringify]).toEqual(builtins);
  });
  it('refuses what is not a report, in one line', async () => {
    const response = await fetch(`${server.url}api/import`, {
      method: 'POST',
      headers: { origin, 'x-nianbao-token': server.token, 'x-file-name': 'x.txt' },
      body: '这不是年报。',
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.reason).toMatch(/^x\.txt: /);
  });
});

describe('new reports and publishing', () => {
  it('starts from last year: metadata, narrative and 上年结转 carried', async () => {
    const response = await write('api/new', { file: 'next.yaml', year: 2024, from: 'sample.yaml' });
    expect(response.status).toBe(200);
    const made = await response.json();
    const last = parse(readFileSync(join(folder, 'sample.yaml'), 'utf8'));
    const table = made.document.sections.applications.table;
    expect(table.carriedOverFromLastYear).toEqual(last.sections.applications.table.carriedOverToNextYear);
    expect(table.newApplications.naturalPerson).toBeNull();
    expect(made.document.metadata.agency).toEqual(last.metadata.agency);
    expect(made.document.metadata.statisticsPeriod).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(made.document.preface).toEqual(last.preface);
    expect(made.notCarried).toEqual([]);
    expect(parse(readFileSync(join(folder, 'next.yaml'), 'utf8'))).toEqual(made.document);
    const again = await write('api/new', { file: 'next.yaml', year: 2024 });
    expect(again.status).toBe(409);
  });
  it('starts a 2021 report from a 2019 one through the migration, listing what is not carried', async () => {
    cpSync(join(EXAMPLES, 'chizhou-rfb-2020.yaml'), join(folder, 'chizhou-2020.yaml'));
    const response = await write('api/new', { file: 'chizhou-2021.yaml', year: 2021, from: 'chizhou-2020.yaml' });
    expect(response.status).toBe(200);
    const made = await response.json();
    const last = parse(readFileSync(join(folder, 'chizhou-2020.yaml'), 'utf8'));
    expect(made.document.edition).toBe('2021');
    expect(made.document.metadata.agency.name).toBe(last.metadata.agency.name);
    expect(made.document.sections.applications.table.carriedOverFromLastYear.naturalPerson).toBe(
      last.sections.applications.table.carriedOverToNextYear.naturalPerson,
    );
    expect(Array.isArray(made.notCarried)).toBe(true);
    for (const item of made.notCarried)
      expect(item).toMatchObject({ pointer: expect.any(String), reason: expect.any(String) });
  });

  it('refuses to publish a report with errors and writes nothing', async () => {
    const response = await write('api/publish', { file: 'next.yaml' });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.findings.length).toBeGreaterThan(0);
    expect(existsSync(join(folder, 'out', 'next'))).toBe(false);
  });
  it('publishes what nianbao build writes', async () => {
    const response = await write('api/publish', { file: 'sample.yaml' });
    expect(response.status).toBe(200);
    const files = readdirSync(join(folder, 'out', 'sample')).sort();
    expect(files).toEqual([
      'datapackage.json',
      'fragment-inline.html',
      'fragment.html',
      'index.html',
      'report.csv',
      'report.json',
      'report.pdf',
    ]);
    expect(
      readFileSync(join(folder, 'out', 'sample', 'report.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
