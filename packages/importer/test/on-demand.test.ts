/**
 * parse5, fflate, OpenCC and the validator are loaded only by the inputs that need them (src/on-demand.ts):
 * in a fresh Node, the built importer (dist/, what users load; `turbo run test` builds it first) reads a text
 * without loading any of them, and a web page loads parse5 only.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, seedPath } from './helpers.js';

const ON_DEMAND = ['parse5', 'fflate', 'opencc-js', '@nianbao/validator'];

/**
 * Records every module a fresh Node loads, by import or by require: a resolve hook (module.register) posts
 * each resolved URL back, and require's cache holds what was required.
 */
const HOOKS = `
  let port;
  export function initialize(data) { port = data.port; }
  export async function resolve(specifier, context, next) {
    const resolved = await next(specifier, context);
    port.postMessage(resolved.url);
    return resolved;
  }`;

/** The on-demand libraries a fresh Node has loaded after importing `input` with the built importer. */
function loadedAfter(input: { text: string; kind: 'html' | 'text' }): string[] {
  const importer = join(repoRoot, 'packages', 'importer', 'dist', 'index.js');
  const script = `
    const { createRequire, register } = await import('node:module');
    const { MessageChannel } = await import('node:worker_threads');
    const { port1, port2 } = new MessageChannel();
    const urls = [];
    port1.on('message', (url) => urls.push(url));
    port1.unref();
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}), {
      data: { port: port2 },
      transferList: [port2],
    });
    const { importReport } = await import(${JSON.stringify(importer)});
    const result = importReport(${JSON.stringify({ ...input, name: 'input' })});
    if (!result.ok) throw new Error(result.problem.message.en);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const files = [...urls, ...Object.keys(createRequire(import.meta.url).cache)];
    const loaded = ${JSON.stringify(ON_DEMAND)}.filter((name) =>
      files.some((file) => file.includes('/' + name.replace('@nianbao/', '') + '/')),
    );
    process.stdout.write(JSON.stringify(loaded));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

describe('libraries loaded on demand', () => {
  const seed = spawnSync('cat', [seedPath], { encoding: 'utf8' }).stdout;

  it('a text loads none of them', () => {
    expect(loadedAfter({ text: seed, kind: 'text' })).toEqual([]);
  });

  it('a web page loads parse5, and only it', () => {
    const html = `<html><body><pre>${seed.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`;
    expect(loadedAfter({ text: html, kind: 'html' })).toEqual(['parse5']);
  });
});
