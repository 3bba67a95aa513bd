import { describe, expect, it } from 'vitest';
import { doc, findings } from './run.js';

const total = '/sections/applications/table/newApplications/total';
const check = {
  type: 'statedCount',
  at: ['/sections/otherMatters'],
  patterns: ['收到申请(?<n>\\d+)件', '共收到申请(?<n>\\d+)件'],
  equals: [total],
} as const;

describe('statedCount', () => {
  it('a stated number equal to the table: nothing; another: the table total and the number', () => {
    const report = doc();
    const n = report.sections.applications.table.newApplications.total as number;
    report.sections.otherMatters.paragraphs = [`本年度共收到申请${n}件。`];
    expect(findings(report, check)).toEqual([]);
    report.sections.otherMatters.paragraphs = [`本年度共收到申请${n + 2}件。`];
    // Both patterns match the same statement: one finding.
    expect(findings(report, check)).toEqual([
      expect.objectContaining({ pointer: '/sections/otherMatters/paragraphs/0', expected: n, actual: n + 2 }),
    ]);
  });
  it('a table total not reported: not assessable', () => {
    const report = doc();
    report.sections.applications.table.newApplications.total = null;
    report.provenance = { source: 'test' };
    report.sections.otherMatters.paragraphs = ['收到申请3件。'];
    expect(findings(report, check)).toEqual([expect.objectContaining({ severity: 'info', notAssessable: true })]);
  });
});
