import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaFor } from '@nianbao/template';
import { validateReport } from '../src/index.js';

const sample = () =>
  parse(readFileSync(fileURLToPath(new URL('../../../examples/sample-bureau-2021.yaml', import.meta.url)), 'utf8'));

describe('ValidateOptions.schema and .severity', () => {
  it('checks the structure against a given schema of the same edition, not of another', () => {
    const official = schemaFor('2021') as any;
    const patched = structuredClone(official);
    patched.$defs.article20Item1.properties.otherDocuments = {
      $ref: '#/$defs/documentCounts',
      title: '其他主动公开文件',
    };
    const report = sample();
    report.sections.proactiveDisclosure.table.article20Item1.otherDocuments = { issued: 1, repealed: 0, inForce: 1 };
    expect(validateReport(report).valid).toBe(false);
    expect(validateReport(report, { schema: patched })).toMatchObject({ valid: true, findings: [] });
    // A wrong type in the added row is found, with the added row's label.
    report.sections.proactiveDisclosure.table.article20Item1.otherDocuments.issued = -1;
    const findings = validateReport(report, { schema: patched }).findings;
    expect(findings.map((f) => f.pointer)).toEqual([
      '/sections/proactiveDisclosure/table/article20Item1/otherDocuments/issued',
    ]);
    expect(findings[0]!.message.zh).toContain('其他主动公开文件');
    // A schema of the 2019 edition does not apply to a 2021 report.
    const other = structuredClone(schemaFor('2019'));
    expect(validateReport(sample(), { schema: other })).toMatchObject({ valid: true });
  });

  it('overrides severities by rule id; off drops the findings', () => {
    const report = sample();
    report.sections.reviewAndLitigation.table.administrativeReconsideration.total += 1;
    const plain = validateReport(report);
    // The total no longer matches the sum (C-SUM) nor the number the text states (T-TEXT).
    expect(plain.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['C-SUM', 'error'],
      ['T-TEXT', 'warning'],
    ]);
    const lowered = validateReport(report, { severity: { 'C-SUM': 'warning' } });
    expect(lowered.valid).toBe(true);
    expect(lowered.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['C-SUM', 'warning'],
      ['T-TEXT', 'warning'],
    ]);
    const off = validateReport(report, { severity: { 'C-SUM': 'off', 'T-TEXT': 'error' } });
    expect(off.valid).toBe(false);
    expect(off.findings.map((f) => [f.ruleId, f.severity])).toEqual([['T-TEXT', 'error']]);
  });
});
