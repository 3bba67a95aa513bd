/**
 * `nianbao serve` as a user runs it: the built CLI starts the publishing app on a folder, prints its
 * URL, serves the reports, warns for a host other than 127.0.0.1 and stops cleanly on Ctrl-C (SIGINT).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../../examples/sample-bureau-2021.yaml', import.meta.url));
const EXTENSION = fileURLToPath(new URL('../../../examples/extensions/other-documents', import.meta.url));

function serve(args: string[]) {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout} ${stderr}`)), 60_000);
    child.stdout.on('data', () => {
      const match = /http:\/\/\S+\//.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exit, output: () => ({ stdout, stderr }) };
}

describe('nianbao serve', () => {
  it('serves the folder on 127.0.0.1, and stops on Ctrl-C with exit 0', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-serve-cli-'));
    cpSync(EXAMPLE, join(folder, 'sample.yaml'));
    const run = serve([folder, '--port', '0']);
    const url = await run.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const { reports } = (await (await fetch(`${url}api/reports`)).json()) as { reports: unknown[] };
    expect(reports).toEqual([{ name: 'sample.yaml', report: expect.objectContaining({ edition: '2021', errors: 0 }) }]);
    const page = await (await fetch(url)).text();
    expect(page).toContain('<div id="root">');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.output().stderr).toBe('');
  });

  it('warns when listening on another host', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-serve-cli-'));
    const run = serve([folder, '--port', '0', '--host', '0.0.0.0', '--lang', 'en']);
    await run.url;
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.output().stderr).toMatch(/^warning: listening on 0\.0\.0\.0/);
  });

  it('refuses a bad port or a missing folder with one line and exit 2', () => {
    const port = spawnSync(process.execPath, [bin, 'serve', '.', '--port', 'abc'], { encoding: 'utf8' });
    expect(port.status).toBe(2);
    expect(port.stderr).toContain('--port');
    const missing = spawnSync(process.execPath, [bin, 'serve', '/nonexistent/folder', '--port', '0'], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--extension: checks with the added row and rule, and gives them to the page', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-serve-cli-'));
    const text = readFileSync(EXAMPLE, 'utf8').replace(
      '          inForce: 41  # 现行有效件数\n',
      '          inForce: 41  # 现行有效件数\n        otherDocuments:\n          issued: 5\n          repealed: 0\n          inForce: 2\n',
    );
    writeFileSync(join(folder, 'other.yaml'), text);
    const run = serve([folder, '--port', '0', '--extension', EXTENSION]);
    const url = await run.url;
    const { reports } = (await (await fetch(`${url}api/reports`)).json()) as { reports: unknown[] };
    // Without the extension the added row is unknown; with it, only its rule fires.
    expect(reports).toEqual([{ name: 'other.yaml', report: expect.objectContaining({ errors: 1 }) }]);
    const { extensions } = (await (await fetch(`${url}api/extensions`)).json()) as {
      extensions: Record<string, { applied: unknown }>;
    };
    expect(extensions['2021']?.applied).toEqual([{ name: 'other-documents', version: '1.0.0' }]);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  });

  it('refuses a bad extension before listening: one line, exit 2', () => {
    const bad = spawnSync(process.execPath, [bin, 'serve', '.', '--port', '0', '--extension', '/nonexistent/ext'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stdout).not.toContain('http://');
  });
});
