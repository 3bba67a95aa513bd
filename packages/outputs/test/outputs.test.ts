import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pdfRefusal, renderOutputs, writeFilesAtomically } from '../src/index.js';

const sample = parse(readFileSync(new URL('../../../examples/sample-bureau-2021.yaml', import.meta.url), 'utf8'));

describe('renderOutputs', () => {
  it('renders the HTML and open-data files in memory, and they are written whole', async () => {
    const result = await renderOutputs(sample, { formats: ['html', 'json'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((file) => file.name)).toEqual([
      'index.html',
      'fragment.html',
      'fragment-inline.html',
      'report.json',
      'report.csv',
      'datapackage.json',
    ]);
    const dir = join(mkdtempSync(join(tmpdir(), 'nianbao-outputs-')), 'sample');
    await writeFilesAtomically(dir, result.files);
    expect(readdirSync(dir).sort()).toEqual([
      'datapackage.json',
      'fragment-inline.html',
      'fragment.html',
      'index.html',
      'report.csv',
      'report.json',
    ]);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('某市示范局');
  });

  it('refuses a PDF for a text far longer than any report, with one line', async () => {
    const long = structuredClone(sample);
    long.preface.paragraphs = ['字'.repeat(250_000)];
    expect(pdfRefusal(long)).toMatch(/上限 200000/);
    const result = await renderOutputs(long, { formats: ['pdf'], lang: 'en' });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^the report's text has 25\d{4} characters/) });
  });
});
