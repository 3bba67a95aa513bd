import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getAt } from '@nianbao/template';
import { validateReport } from '@nianbao/validator';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MigrationError, migrateReport } from '../src/index.js';

const example = parse(
  readFileSync(fileURLToPath(new URL('../../../examples/chizhou-rfb-2020.yaml', import.meta.url)), 'utf8'),
);
const TABLE_A = '/sections/proactiveDisclosure/table';
const TABLE_B = '/sections/applications/table';

describe('migrateReport: the 2019 example to 2021', () => {
  const result = migrateReport(example, { to: '2021', source: 'chizhou-rfb-2020.yaml' });
  const migrated = result.document as Record<string, unknown>;

  it('gives a 2021 document that fits the 2021 schema and passes its rules but the year', () => {
    expect(migrated.edition).toBe('2021');
    const validation = validateReport(migrated);
    expect(validation.findings.filter((finding) => finding.ruleId === 'schema')).toEqual([]);
    // A 2020 report stays a 2020 report: the 2021 format is for report years from 2021 (S-EDITION).
    const errors = validation.findings.filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => finding.ruleId)).toEqual(['S-EDITION']);
    // The same document as next year's starting point passes every rule.
    const nextYear = structuredClone(migrated) as { metadata: { reportYear: number } };
    nextYear.metadata.reportYear = 2021;
    const again = validateReport(nextYear);
    expect(again.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('carries what has a source and invents nothing', () => {
    expect(getAt(migrated, `${TABLE_A}/article20Item5/administrativeLicensing/decisions`)).toBe(41);
    expect(getAt(migrated, `${TABLE_A}/article20Item6/administrativePunishment/decisions`)).toBe(0);
    expect(getAt(migrated, `${TABLE_A}/article20Item1/normativeDocuments/issued`)).toBe(0);
    expect(getAt(migrated, '/metadata')).toEqual(example.metadata);
    expect(getAt(migrated, '/preface')).toEqual(example.preface);
    expect(getAt(migrated, `${TABLE_B}/results/notDisclosed`)).toEqual(
      example.sections.applications.table.results.notDisclosed,
    );
    expect(getAt(migrated, '/sections/reviewAndLitigation')).toEqual(example.sections.reviewAndLitigation);
    expect(getAt(migrated, '/sections/otherMatters')).toEqual(example.sections.otherMatters);
    expect(Object.keys(migrated)).toEqual(['edition', 'metadata', 'preface', 'sections', 'provenance']);
  });

  it('leaves the cells without a source not reported, and lists each with its label', () => {
    const pointers = result.notCarried.map((cell) => cell.pointer);
    expect(pointers).toHaveLength(2 * 2 + 1 + 3 * 7);
    expect(pointers).toContain(`${TABLE_A}/article20Item1/regulations/repealed`);
    expect(pointers).toContain(`${TABLE_A}/article20Item8/administrativeFees/amount`);
    expect(pointers).toContain(`${TABLE_B}/results/otherHandling/overdueFee/total`);
    for (const cell of result.notCarried) expect(getAt(migrated, cell.pointer), cell.pointer).toBeNull();
    const fee = result.notCarried.find((cell) => cell.pointer.endsWith('/amount'))!;
    expect(fee.label).toContain('行政事业性收费');
    expect(fee.label).toContain('本年收费金额（单位：万元）');
    expect(fee.reason).toContain('金额');
    expect(migrated.provenance).toEqual({ importedFrom: 'chizhou-rfb-2020.yaml（由 nianbao migrate 转为2021年格式）' });
  });

  it('lists the values the 2021 edition has no place for', () => {
    const other = result.dropped.filter((value) => value.pointer.includes('otherExternalServices'));
    expect(other.map((value) => value.value)).toEqual([6, 0, 87]);
    expect(other[0]!.label).toContain('其他对外管理服务事项');
    expect(result.dropped.some((value) => value.pointer === `${TABLE_B}/results/otherHandling/total`)).toBe(true);
  });

  it('speaks English when asked', () => {
    const english = migrateReport(example, { to: '2021', lang: 'en' });
    expect(english.notCarried[0]!.reason).toMatch(/2021 edition/);
  });
});

describe('migrateReport: other inputs', () => {
  it('returns a 2021 report as a copy with nothing listed', () => {
    const report = { edition: '2021', metadata: {} };
    const result = migrateReport(report, { to: '2021' });
    expect(result).toEqual({ document: report, notCarried: [], dropped: [] });
    expect(result.document).not.toBe(report);
  });

  it('refuses what is not a report of a known edition, with a message in both languages', () => {
    expect(() => migrateReport([], { to: '2021' })).toThrow(MigrationError);
    try {
      migrateReport({ edition: '2020' }, { to: '2021' });
    } catch (error) {
      expect((error as MigrationError).code).toBe('unknown-edition');
      expect((error as MigrationError).messages.zh).toContain('"2020"');
    }
  });

  it('does not touch its input', () => {
    const copy = structuredClone(example);
    migrateReport(example, { to: '2021' });
    expect(example).toEqual(copy);
  });
});
