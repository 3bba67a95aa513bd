import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

const check = { type: 'periodCoversYear', at: '/metadata/period', year: '/metadata/reportYear' } as const;

describe('periodCoversYear', () => {
  it('1 January to 31 December of the report year: nothing', () => {
    const report = doc();
    report.metadata.period = { start: '2021-01-01', end: '2021-12-31' };
    expect(findings(report, check)).toEqual([]);
  });
  it('another period: the expected one and the one found', () => {
    const report = doc();
    report.metadata.period = { start: '2021-01-01', end: '2021-11-30' };
    expect(findings(report, check)).toEqual([
      expect.objectContaining({
        pointer: '/metadata/period',
        expected: '2021-01-01/2021-12-31',
        actual: { start: '2021-01-01', end: '2021-11-30' },
      }),
    ]);
  });
});
