/**
 * `serve --fonts` / nianbao.config.json: the office's PDF fonts reach every preview and publication
 * (the CLI resolves and checks them once at start and passes them to startServer).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startServer, type RunningServer } from '../src/server/index.js';
import { postJson } from './requests.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/sample-bureau-2021.yaml', import.meta.url));
const KAI_BOLD = '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf';
let server: RunningServer;
let folder: string;

const post = (path: string, body: unknown) => postJson(server, path, body);

const pdfFonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'nianbao-serve-fonts-'));
  cpSync(EXAMPLE, join(folder, 'sample.yaml'));
  server = await startServer({ folder, port: 0, fonts: { title: { file: KAI_BOLD } } });
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('office fonts in the publishing app', () => {
  it('previews the PDF with the title font of the office', async () => {
    const document = parse(readFileSync(EXAMPLE, 'utf8'));
    const response = await post('api/preview.pdf', { document });
    expect(response.status).toBe(200);
    const file = join(folder, 'preview.pdf');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    expect(pdfFonts(file)).toMatch(/[A-Z]{6}\+LXGWWenKai-Bold +CID TrueType .* yes +yes +yes/);
  });

  it('publishes report.pdf with it', async () => {
    const response = await post('api/publish', { file: 'sample.yaml' });
    expect(response.status).toBe(200);
    const { folder: out } = (await response.json()) as { folder: string };
    expect(pdfFonts(join(out, 'report.pdf'))).toContain('+LXGWWenKai-Bold ');
  });
});
