import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

const check = { type: 'notNull', at: ['/sections/applications/table'] } as const;

describe('notNull', () => {
  it('no finding when every cell is reported', () => {
    expect(findings(doc(), check)).toEqual([]);
  });
  it('one finding per null cell, pointing at the cell', () => {
    const report = doc();
    report.sections.applications.table.newApplications.naturalPerson = null;
    report.sections.applications.table.results.disclosed.total = null;
    report.provenance = { source: 'test' };
    const found = findings(report, check);
    expect(found.map((f) => f.pointer)).toEqual([
      '/sections/applications/table/newApplications/naturalPerson',
      '/sections/applications/table/results/disclosed/total',
    ]);
    expect(found[0]).toMatchObject({ actual: null, severity: 'warning' });
  });
  it('a pointer that is absent finds nothing', () => {
    expect(findings(doc(), { type: 'notNull', at: ['/nowhere'] })).toEqual([]);
  });
});
