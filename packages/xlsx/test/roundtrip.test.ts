import { migrateReport } from '@nianbao/migrate';
import { validateReport } from '@nianbao/validator';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook, writeWorkbook } from '../src/index.js';
import { example } from './helpers.js';

async function roundTrip(report: unknown) {
  const read = await readWorkbook(await writeWorkbook(report));
  if (!read.ok) throw new Error(read.problem.message.en);
  return read;
}

async function edit(bytes: Uint8Array, change: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  change(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('export then import gives the same document', () => {
  it.each(['sample-bureau-2021.yaml', 'chizhou-rfb-2020.yaml'])('%s', async (name) => {
    const report = example(name);
    const read = await roundTrip(report);
    expect(read.problems).toEqual([]);
    expect(read.document).toEqual(report);
    expect(JSON.stringify(read.document)).toBe(JSON.stringify(report)); // keys in the same order too
  });

  it('keeps not-reported cells, provenance, amounts with trailing zeros and totals that do not add up', async () => {
    const migrated = migrateReport(example('chizhou-rfb-2020.yaml'), { to: '2021' }).document as any;
    const table = migrated.sections.proactiveDisclosure.table;
    table.article20Item8.administrativeFees.amount = '59237.2400';
    table.article20Item1.regulations.repealed = 3985758;
    migrated.sections.applications.table.newApplications.total = 5; // the row adds up to 0: B-ROW
    migrated.provenance.unplaced = [{ text: '扫一扫在手机打开当前页', from: 'line 70' }];
    const read = await roundTrip(migrated);
    expect(read.document).toEqual(migrated);
    expect(validateReport(read.document).findings.some((finding) => finding.ruleId === 'B-ROW')).toBe(true);
  });
});

describe('reading by labels', () => {
  it('finds a moved row, skips a column added by hand, and finds a renamed sheet', async () => {
    const report = example('sample-bureau-2021.yaml');
    const bytes = await edit(await writeWorkbook(report), (workbook) => {
      const sheet = workbook.getWorksheet('表三')!;
      // Swap 一、本年新收 (row 5) and 四、结转下年度继续办理 (row 31), labels and numbers.
      const last = sheet.rowCount;
      for (let column = 1; column <= 10; column++) {
        const a = sheet.getCell(5, column);
        const b = sheet.getCell(last, column);
        const plain = (value: ExcelJS.CellValue) =>
          value && typeof value === 'object' && 'formula' in value ? (value.result ?? null) : value;
        [a.value, b.value] = [plain(b.value), plain(a.value)];
      }
      // A column of notes after the table's last column, and one between the label and the numbers of 表二.
      sheet.getCell(3, 11).value = '备注';
      sheet.getCell(6, 11).value = '含电子邮件申请';
      const table2 = workbook.getWorksheet('表二')!;
      table2.spliceColumns(2, 0, ['说明'], ['说明'], ['说明']);
      sheet.name = '表三（申请情况）';
    });
    const read = await readWorkbook(bytes);
    if (!read.ok) throw new Error(read.problem.message.en);
    expect(read.problems).toEqual([]);
    expect(read.document).toEqual(report);
    expect(read.cells['/sections/applications/table/newApplications/naturalPerson']).toMatch(/^表三（申请情况）!D\d+$/);
    expect(read.cells['/sections/applications/table/newApplications/naturalPerson']).not.toBe('表三（申请情况）!D5');
  });

  it('reports an unknown row with its sheet and cell, and a missing row', async () => {
    const bytes = await edit(await writeWorkbook(example('sample-bureau-2021.yaml')), (workbook) => {
      const sheet = workbook.getWorksheet('表三')!;
      const row = sheet.rowCount + 1;
      sheet.getCell(row, 1).value = '五、其他申请';
      sheet.getCell(row, 4).value = 3;
      const table4 = workbook.getWorksheet('表四')!;
      table4.spliceRows(5, 1); // the only row of numbers
    });
    const read = await readWorkbook(bytes);
    if (!read.ok) throw new Error(read.problem.message.en);
    expect(read.problems[0]).toEqual({
      ref: '表三!A30',
      message: {
        zh: '未知的行「五、其他申请」：不是本格式的栏目，未读取。',
        en: 'Unknown row "五、其他申请": not a row of this edition\'s table; not read.',
      },
    });
    expect(read.problems.filter((problem) => problem.ref === '表四')).toHaveLength(15);
    expect((read.document as any).sections.reviewAndLitigation.table.administrativeReconsideration.total).toBeNull();
  });

  it('names the cell of every value and refuses what is not a report workbook', async () => {
    const read = await roundTrip(example('sample-bureau-2021.yaml'));
    expect(read.cells['/metadata/agency/name']).toBe('报告信息!B4');
    expect(read.cells['/sections/reviewAndLitigation/table/administrativeLitigation/afterReconsideration/total']).toBe(
      '表四!O5',
    );
    expect(read.cells['/preface/paragraphs/0']).toBe('正文!B2');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    const notOurs = await readWorkbook(new Uint8Array(await empty.xlsx.writeBuffer()));
    expect(notOurs.ok).toBe(false);
    const garbage = await readWorkbook(new TextEncoder().encode('not a zip'));
    expect(garbage.ok).toBe(false);
  });
});
