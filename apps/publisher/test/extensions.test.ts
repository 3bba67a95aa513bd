/**
 * `serve --extension` on the server: with the example extension (examples/extensions/other-documents:
 * a row 其他主动公开文件 added to table 二 and a rule on it) the added row is checked by its rule when
 * listing and publishing, publishing writes it into every output, the preview shows it, a new report
 * gets its cells, and the client is given the same schema, rules and severity overrides.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyExtensions, loadExtensions } from '@nianbao/extension';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startServer, type RunningServer } from '../src/server/index.js';
import { postJson } from './requests.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXTENSION = join(ROOT, 'examples/extensions/other-documents');
let server: RunningServer;
let folder: string;

/** The sample report with the extension's row (its 现行有效件数 given). */
function report(inForce: number): string {
  return readFileSync(join(ROOT, 'examples/sample-bureau-2021.yaml'), 'utf8').replace(
    '          inForce: 41  # 现行有效件数\n',
    `          inForce: 41  # 现行有效件数\n        otherDocuments:\n          issued: 5\n          repealed: 0\n          inForce: ${inForce}\n`,
  );
}

const post = (path: string, body: unknown) => postJson(server, path, body);

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'nianbao-serve-ext-'));
  writeFileSync(join(folder, 'good.yaml'), report(8));
  writeFileSync(join(folder, 'bad.yaml'), report(2));
  const loaded = await loadExtensions([EXTENSION]);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const applied = applyExtensions('2021', loaded.extensions);
  if (!applied.ok) throw new Error(JSON.stringify(applied.problems));
  server = await startServer({ folder, port: 0, extensions: { '2021': applied.applied } });
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('serve with a local extension', () => {
  it('checks the added row with its rule when listing', async () => {
    const { reports } = (await (await fetch(`${server.url}api/reports`)).json()) as {
      reports: { name: string; report?: { errors: number } }[];
    };
    expect(reports.find((entry) => entry.name === 'good.yaml')?.report?.errors).toBe(0);
    expect(reports.find((entry) => entry.name === 'bad.yaml')?.report?.errors).toBe(1);
  });

  it('refuses to publish when the added rule fires, naming it', async () => {
    const response = await post('api/publish', { file: 'bad.yaml' });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { findings: { ruleId: string; pointer: string }[] };
    expect(body.findings.map((finding) => finding.ruleId)).toEqual(['EXT-OTHER-INFORCE']);
    expect(body.findings[0]!.pointer).toContain('/article20Item1/otherDocuments');
  });

  it('publishes the added row into the page, the open data and the data package', async () => {
    const response = await post('api/publish', { file: 'good.yaml' });
    expect(response.status).toBe(200);
    const out = join(folder, 'out', 'good');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('其他主动公开文件');
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.sections.proactiveDisclosure.table.article20Item1.otherDocuments).toEqual({
      issued: 5,
      repealed: 0,
      inForce: 8,
    });
    const csv = readFileSync(join(out, 'report.csv'), 'utf8').split('\r\n');
    expect(csv.filter((line) => line.includes('article20Item1/otherDocuments'))).toHaveLength(3);
    expect(readFileSync(join(out, 'datapackage.json'), 'utf8')).toContain('other-documents');
  });

  it('previews the added row, and a new report gets its cells', async () => {
    const html = await (await post('api/preview.html', { document: parseSample(8) })).text();
    expect(html).toContain('其他主动公开文件');
    const created = (await (await post('api/new', { file: 'new.yaml', year: 2024 })).json()) as {
      document: { sections: { proactiveDisclosure: { table: { article20Item1: Record<string, unknown> } } } };
    };
    expect(created.document.sections.proactiveDisclosure.table.article20Item1.otherDocuments).toEqual({
      issued: null,
      repealed: null,
      inForce: null,
    });
  });

  it('gives the client the patched schema, the added rules and the severity overrides', async () => {
    const { extensions } = (await (await fetch(`${server.url}api/extensions`)).json()) as {
      extensions: Record<string, { schema: unknown; extraRules: { rules: { id: string }[] }[]; severity: unknown }>;
    };
    expect(Object.keys(extensions)).toEqual(['2021']);
    expect(JSON.stringify(extensions['2021']!.schema)).toContain('其他主动公开文件');
    expect(extensions['2021']!.extraRules.flatMap((set) => set.rules.map((rule) => rule.id))).toContain(
      'EXT-OTHER-INFORCE',
    );
    expect(extensions['2021']!.severity).toEqual({ 'M-DEADLINE': 'off' });
  });
});

function parseSample(inForce: number): unknown {
  return parse(report(inForce));
}
