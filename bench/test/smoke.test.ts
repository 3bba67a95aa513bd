/**
 * The harness runs end to end on a tiny set (2 examples + 2 generated reports, one round, one cold
 * sample). It measures nothing worth quoting and asserts no timing: only that every suite produced
 * finite figures for every contender and wrote its results.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOptions, runBench } from '../dist/run.js';
import { linearRegression, percentileSorted, summarize } from '../dist/stats.js';

const results = mkdtempSync(join(tmpdir(), 'nianbao-bench-smoke-'));
afterAll(() => rmSync(results, { recursive: true, force: true }));

describe('statistics', () => {
  it('median, p95 and a regression slope', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarize(values)).toMatchObject({ n: 100, median: 50, p95: 95, min: 1, max: 100, mean: 50.5 });
    expect(percentileSorted([], 50)).toBeNaN();
    const fit = linearRegression([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(fit.slope).toBeCloseTo(2);
    expect(fit.intercept).toBeCloseTo(1);
    expect(fit.r2).toBeCloseTo(1);
  });
});

describe('options', () => {
  it('reads counts and refuses unknown suites', () => {
    expect(parseOptions(['--batch', '10000', '--only', 'batch'])).toMatchObject({ batch: 10000, only: ['batch'] });
    expect(() => parseOptions(['--only', 'nope'])).toThrow(/unknown suite/);
    expect(() => parseOptions(['--batch', 'many'])).toThrow(/whole number/);
  });
});

describe('the harness on 2 generated reports', () => {
  it('validation and HTML: every contender measured, results written', { timeout: 120_000 }, async () => {
    const lines: string[] = [];
    const summary = await runBench(
      {
        ...parseOptions([
          '--only',
          'validate,html',
          '--reports',
          '2',
          '--rounds',
          '1',
          '--cold',
          '1',
          '--results',
          results,
        ]),
      },
      (text) => lines.push(text),
    );
    expect(summary.targets.map((t) => t.suite)).toEqual(expect.arrayContaining(['validate', 'html']));
    for (const target of summary.targets) expect(target.measured).not.toMatch(/NaN/);

    const validate = JSON.parse(readFileSync(join(results, 'validate.json'), 'utf8'));
    const all = validate.warm['generated all (2)'];
    for (const name of ['nianbao validateReport', 'Ajv 2020 (allErrors)', 'JSON.parse']) {
      expect(all[name].n, name).toBe(2);
      expect(Number.isFinite(all[name].opsPerSec), name).toBe(true);
    }
    expect(Object.keys(validate.cold)).toHaveLength(6); // 3 methods × (1 example + 1 generated)
    const html = JSON.parse(readFileSync(join(results, 'html.json'), 'utf8'));
    expect(html.bytes['chizhou-rfb-2020']).toBeGreaterThan(10_000);
    // A run of some suites writes its own summary and leaves the full run's summary.json alone.
    expect(JSON.parse(readFileSync(join(results, 'summary-validate-html.json'), 'utf8')).machine.cores).toBeGreaterThan(
      0,
    );
    expect(existsSync(join(results, 'summary.json'))).toBe(false);
    expect(lines.join('\n')).toContain('### Targets');
  });
});
