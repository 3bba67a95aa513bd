import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { getAt, type Report } from '@nianbao/template';
import { canonicalJson, dataPackage, packageName, reportId, tidyCsv, toOpenData, CSV_COLUMNS } from '../src/index.js';
import { clone, examples, golden } from './examples.js';

const require = createRequire(import.meta.url);
const schemas = {
  '2019': require('../../../schemas/report-2019.schema.json') as object,
  '2021': require('../../../schemas/report-2021.schema.json') as object,
};

/** RFC 4180 reader (the test's own, independent of the writer). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else cell += c;
  }
  if (cell !== '' || row.length > 0) throw new Error('no final CRLF');
  return rows;
}

const records = (csv: string) => {
  // No BOM: it would become part of the first column's name for a Frictionless reader.
  expect(csv.startsWith('report_id,')).toBe(true);
  const [header, ...rows] = parseCsv(csv);
  expect(header).toEqual([...CSV_COLUMNS]);
  return rows.map(
    (r) => Object.fromEntries(header!.map((name, i) => [name, r[i]!])) as Record<(typeof CSV_COLUMNS)[number], string>,
  );
};

describe.each(examples)('$name', ({ name, report }) => {
  const out = toOpenData(report);

  it('matches the golden JSON, CSV and datapackage exactly', () => {
    expect(out.json).toBe(golden(`${name}.json`, out.json));
    expect(out.csv).toBe(golden(`${name}.csv`, out.csv));
    expect(out.datapackage).toBe(golden(`${name}.datapackage.json`, out.datapackage));
  });

  it('canonical JSON validates against the edition schema and keeps every value', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schemas[report.edition]);
    const document = JSON.parse(out.json) as Report;
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.$schema).toBe(`urn:nianbao:schema:report-${report.edition}:v1`);
    const { $schema: _ignored, ...rest } = document;
    expect(rest).toEqual(report);
  });

  it('orders keys as the schema does, whatever the source order', () => {
    expect(Object.keys(JSON.parse(out.json))).toEqual(['$schema', 'edition', 'metadata', 'preface', 'sections']);
    const shuffled = JSON.parse(
      JSON.stringify(report, Object.keys(report).reverse().concat(allKeys(report).reverse())),
    ) as Report;
    expect(Object.keys(shuffled)[0]).not.toBe('edition');
    expect(canonicalJson(shuffled)).toBe(out.json);
  });

  it('has one CSV line per official cell, each equal to the value in the JSON', () => {
    const rows = records(out.csv);
    const perTable = (key: string) => rows.filter((r) => r.table === key).length;
    if (report.edition === '2019') {
      expect(perTable('proactiveDisclosure')).toBe(2 * 3 + 2 * 3 + 2 * 3 + 1 * 2 + 1 * 2);
      expect(perTable('applications')).toBe(161);
    } else {
      expect(perTable('proactiveDisclosure')).toBe(2 * 3 + 1 + 2 + 1);
      expect(perTable('applications')).toBe(175);
    }
    expect(perTable('reviewAndLitigation')).toBe(15);
    const keys = rows.map((r) => [r.report_id, r.table, r.row_id, r.column_id].join('|'));
    expect(new Set(keys).size).toBe(rows.length);
    const document = JSON.parse(out.json) as Report;
    const agency = report.metadata.agency;
    for (const row of rows) {
      // Every line says whose report and which year, so CSVs of many reports concatenate.
      expect(row).toMatchObject({
        report_id: reportId(report),
        agency: agency.name,
        credit_code: agency.unifiedSocialCreditCode ?? '',
        division_code: agency.administrativeDivisionCode,
        report_year: String(report.metadata.reportYear),
        edition: report.edition,
      });
      const column = row.column_id === 'issued' && report.edition === '2019' ? 'newlyMade' : row.column_id;
      const pointer = [
        '',
        'sections',
        row.table,
        'table',
        ...(row.row_id === '.' ? [] : row.row_id.split('/')),
        ...column.split('/'),
      ].join('/');
      expect(row.pointer).toBe(pointer);
      const value = getAt(document, pointer);
      if (value !== null && typeof value === 'object') {
        const money = value as { value: string; unit: string };
        expect([row.value, row.unit]).toEqual([money.value, money.unit]);
      } else {
        expect(row.value).toBe(String(value));
      }
    }
  });

  it('describes both files in a data package with a typed table schema and primary key', () => {
    const descriptor = JSON.parse(out.datapackage);
    expect(descriptor.profile).toBe('data-package');
    expect(descriptor.name).toMatch(/^[a-z0-9._-]+$/);
    expect(descriptor.id).toBe(reportId(report));
    expect(descriptor.resources.map((r: { name: string; path: string }) => [r.name, r.path])).toEqual([
      ['report', 'report.json'],
      ['cells', 'report.csv'],
    ]);
    const table = descriptor.resources[1];
    expect(table.profile).toBe('tabular-data-resource');
    expect(table.schema.fields.map((f: { name: string }) => f.name)).toEqual([...CSV_COLUMNS]);
    expect(table.schema.fields.find((f: { name: string }) => f.name === 'value').type).toBe('number');
    expect(table.schema.primaryKey).toEqual(['report_id', 'table', 'row_id', 'column_id']);
    expect(table.dialect.lineTerminator).toBe('\r\n');
    expect(descriptor.resources[0]['nianbao:schema']).toBe(`urn:nianbao:schema:report-${report.edition}:v1`);
  });

  it('is deterministic', () => {
    expect(toOpenData(clone(report))).toEqual(out);
  });
});

function allKeys(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => allKeys(v, into));
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      if (!into.includes(key)) into.push(key);
      allKeys(child, into);
    }
  return into;
}

const r2019 = examples.find((e) => e.report.edition === '2019')!.report as Extract<Report, { edition: '2019' }>;
const r2021 = examples.find((e) => e.report.edition === '2021')!.report as Extract<Report, { edition: '2021' }>;

describe('ids', () => {
  it('one report id per agency and year, unchanged when the credit code becomes known', () => {
    expect(reportId(r2019)).toBe('341700-池州市人民防空办公室-2020');
    expect(packageName(r2019)).toMatch(/^nianbao-341700-[0-9a-f]{10}-2020$/);
    const withCode = clone(r2019);
    withCode.metadata.agency.unifiedSocialCreditCode = '11341700MB1234567X';
    expect(reportId(withCode)).toBe(reportId(r2019));
    expect(packageName(withCode)).toBe(packageName(r2019));
    // The credit code is its own field: in every CSV line and in the data package.
    const out = toOpenData(withCode);
    expect(records(out.csv).every((row) => row.credit_code === '11341700MB1234567X')).toBe(true);
    expect(JSON.parse(out.datapackage)['nianbao:agency']).toEqual({
      name: '池州市人民防空办公室',
      creditCode: '11341700MB1234567X',
      divisionCode: '341700',
    });
    const sibling = clone(r2019);
    sibling.metadata.agency.name = '池州市财政局';
    expect(packageName(sibling)).not.toBe(packageName(r2019));
    expect(reportId(sibling)).not.toBe(reportId(r2019));
  });

  it('one column id across editions for the same meaning (本年新制作数量 2019 = 本年制发件数 2021)', () => {
    const issued = (report: Report) =>
      records(tidyCsv(report))
        .filter((row) => row.table === 'proactiveDisclosure' && row.row_id === 'article20Item1/regulations')
        .map((row) => row.column_id);
    expect(issued(r2019)).toContain('issued');
    expect(issued(r2019)).not.toContain('newlyMade');
    expect(issued(r2021)).toContain('issued');
    const row2019 = records(tidyCsv(r2019)).find((row) => row.column_id === 'issued')!;
    expect(row2019.pointer).toBe('/sections/proactiveDisclosure/table/article20Item1/regulations/newlyMade');
    expect(row2019.column_label).toBe('本年新制作数量');
    // The mapping is declared in the data package of both editions.
    for (const report of [r2019, r2021]) {
      expect(JSON.parse(dataPackage(report))['nianbao:sharedColumns']).toEqual([
        expect.objectContaining({ edition: '2019', columnId: 'newlyMade', sharedId: 'issued' }),
      ]);
    }
  });
});

describe('CSV safety and values', () => {
  it('keeps signed counts and amounts as numbers, with units', () => {
    const report = clone(r2019);
    report.sections.proactiveDisclosure.table.article20Item5.administrativeLicensing.changeThisYear = -2;
    report.sections.proactiveDisclosure.table.article20Item6.administrativePunishment.changeThisYear = 12;
    report.sections.proactiveDisclosure.table.article20Item9.centralizedProcurement.totalAmount = {
      value: '59237.2449',
      unit: '万元',
    };
    const rows = records(tidyCsv(report));
    const at = (row: string, column: string) => rows.find((r) => r.row_id === row && r.column_id === column)!;
    expect(at('article20Item5/administrativeLicensing', 'changeThisYear').value).toBe('-2');
    expect(at('article20Item6/administrativePunishment', 'changeThisYear').value).toBe('12');
    expect(at('article20Item9/centralizedProcurement', 'totalAmount')).toMatchObject({
      value: '59237.2449',
      unit: '万元',
    });
    expect(tidyCsv(report)).toContain(',changeThisYear,本年增/减,-2,,/sections/');
    const fee = records(tidyCsv(r2021)).find((r) => r.column_id === 'amount')!;
    expect(fee.unit).toBe('万元');
  });

  it('neutralises text that a spreadsheet would run as a formula, and quotes per RFC 4180', () => {
    const report = clone(r2019);
    report.metadata.agency.administrativeDivisionCode = '=HYPERLINK("http://x","点我")';
    report.metadata.agency.name = '机关,"甲"';
    const csv = tidyCsv(report);
    const rows = records(csv);
    expect(rows[0]!.report_id).toBe(`'=HYPERLINK("http://x","点我")-机关,"甲"-2020`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点我"")-机关,""甲""-2020",`);
    for (const start of ['+', '-', '@']) {
      const r = clone(r2019);
      r.metadata.agency.administrativeDivisionCode = `${start}cmd`;
      expect(records(tidyCsv(r))[0]!.report_id.startsWith(`'${start}cmd`)).toBe(true);
    }
  });

  it('writes a not-reported cell as an empty value', () => {
    const report = clone(r2021);
    report.provenance = { importedFrom: 'https://example.gov.cn/2021.html' };
    report.sections.applications.table.newApplications.total = null;
    const row = records(tidyCsv(report)).find((r) => r.row_id === 'newApplications' && r.column_id === 'total')!;
    expect(row.value).toBe('');
    expect(JSON.parse(dataPackage(report)).sources).toEqual([
      { title: '导入来源', path: 'https://example.gov.cn/2021.html' },
    ]);
  });

  it('names resources after baseName and declares a given licence', () => {
    const descriptor = JSON.parse(
      toOpenData(r2021, { baseName: 'bureau-2023', license: { name: 'CC-BY-4.0' } }).datapackage,
    );
    expect(descriptor.resources.map((r: { path: string }) => r.path)).toEqual(['bureau-2023.json', 'bureau-2023.csv']);
    expect(descriptor.licenses).toEqual([{ name: 'CC-BY-4.0' }]);
  });
});
