/**
 * The data package read the way a portal reads it: by the Frictionless reference implementation for
 * JavaScript (npm `datapackage`, frictionless-js; frictionless-py is not installable here). It checks
 * the descriptor against the Data Package profile and reads the CSV through its Table Schema: header
 * names, types, required fields, enums and the primary key.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toOpenData } from '../src/index.js';
import { examples } from './examples.js';

const require = createRequire(import.meta.url);
interface Resource {
  tabular: boolean;
  read(options: { keyed: boolean; cast: boolean }): Promise<Record<string, unknown>[]>;
}
const { Package } = require('datapackage') as {
  Package: {
    load(path: string): Promise<{ valid: boolean; errors: Error[]; getResource(name: string): Resource }>;
  };
};

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-frictionless-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writePackage(name: string, files: { csv: string; json: string; datapackage: string }): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'report.json'), files.json);
  writeFileSync(join(dir, 'report.csv'), files.csv);
  writeFileSync(join(dir, 'datapackage.json'), files.datapackage);
  return join(dir, 'datapackage.json');
}

describe.each(examples)('$name through frictionless-js', ({ name, report }) => {
  const out = toOpenData(report);

  it('the descriptor is a valid Data Package and every CSV row casts against its Table Schema', async () => {
    const dataPackage = await Package.load(writePackage(name, out));
    expect(dataPackage.errors.map((error) => error.message)).toEqual([]);
    expect(dataPackage.valid).toBe(true);
    const cells = dataPackage.getResource('cells');
    expect(cells.tabular).toBe(true);
    const rows = await cells.read({ keyed: true, cast: true });
    expect(rows).toHaveLength(report.edition === '2019' ? 198 : 200);
    expect(rows[0]).toMatchObject({
      report_id: `${report.metadata.agency.administrativeDivisionCode}-${report.metadata.agency.name}-${report.metadata.reportYear}`,
      division_code: report.metadata.agency.administrativeDivisionCode,
      report_year: report.metadata.reportYear,
      edition: report.edition,
    });
    // Cast by the schema: numbers are no longer strings (frictionless-js reads them as Decimal).
    expect(typeof rows[0]!.value).not.toBe('string');
    expect(Number(rows[0]!.value)).toBe(Number(out.csv.split('\r\n')[1]!.split(',')[11]));
  });

  it('a CSV that breaks its schema is refused (the check can fail)', async () => {
    const broken = out.csv.replace(/,(-?\d+),([^,]*),(\/sections\/)/, ',zero,$2,$3');
    expect(broken).not.toBe(out.csv);
    const dataPackage = await Package.load(writePackage(`${name}-broken`, { ...out, csv: broken }));
    await expect(dataPackage.getResource('cells').read({ keyed: true, cast: true })).rejects.toThrow();
    const descriptor = { ...JSON.parse(out.datapackage), name: 'Not A Valid Name!' };
    const badName = await Package.load(
      writePackage(`${name}-bad-name`, { ...out, datapackage: JSON.stringify(descriptor) }),
    );
    expect(badName.valid).toBe(false);
    const withBom = await Package.load(writePackage(`${name}-bom`, { ...out, csv: `\uFEFF${out.csv}` }));
    await expect(withBom.getResource('cells').read({ keyed: true, cast: true })).rejects.toThrow(/header/i);
  });
});

describe('a portal concatenating CSVs', () => {
  it('gets one table with the same columns, each row saying whose report and which year', () => {
    const [first, second] = examples.map(({ report }) => toOpenData(report).csv);
    const body = (csv: string) => csv.split('\r\n').slice(1).filter(Boolean);
    const header = first!.split('\r\n')[0];
    expect(second!.split('\r\n')[0]).toBe(header);
    const rows = [...body(first!), ...body(second!)];
    const years = new Set(rows.map((row) => row.split(',')[4]));
    expect(years).toEqual(new Set(examples.map(({ report }) => String(report.metadata.reportYear))));
  });
});
