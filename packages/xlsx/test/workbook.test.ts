import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftReport, readWorkbook, writeWorkbook } from '../src/index.js';
import { ensureSoffice, example, resavedByLibreOffice, sheetsByLibreOffice } from './helpers.js';

const load = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
};
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the draft workbook (nianbao new)', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await load(await writeWorkbook(draftReport({ edition: '2021', year: 2024 })));
  });

  it('has a metadata sheet, one sheet per table and a narrative sheet', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['报告信息', '表二', '表三', '表四', '正文']);
  });

  it('lays 表三 out as the official table: merged headers, official labels', () => {
    const sheet = workbook.getWorksheet('表三')!;
    expect(sheet.getCell('A1').value).toBe('表三　收到和处理政府信息公开申请情况');
    expect(sheet.getCell('A2').value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(sheet.getCell('C4').isMerged).toBe(true); // the corner covers A2:C4
    expect(sheet.getCell('D2').value).toBe('申请人情况');
    expect(sheet.getCell('J2').isMerged).toBe(true); // 申请人情况 spans D2:J2
    expect(sheet.getCell('E3').value).toBe('法人或其他组织');
    expect(sheet.getCell('E4').value).toBe('商业企业');
    expect(sheet.getCell('A5').value).toBe('一、本年新收政府信息公开申请数量');
    expect(sheet.getCell('B25').value).toBe('（六）其他处理');
    expect(sheet.getCell('C25').value).toBe('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
  });

  it('marks the input cells, unlocked and limited to whole numbers ≥ 0; labels locked under protection', () => {
    const sheet = workbook.getWorksheet('表三')!;
    const input = sheet.getCell('D5');
    expect(input.protection?.locked).toBe(false);
    expect(input.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect((input.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF7D6');
    expect(sheet.getCell('A5').protection?.locked).not.toBe(false);
    expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    const fee = workbook.getWorksheet('表二')!.getCell('B15');
    expect(fee.dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
  });

  it('writes every total as a formula over its cells', () => {
    const sheet = workbook.getWorksheet('表三')!;
    expect(sheet.getCell('J5').value).toEqual({ formula: 'SUM(D5,E5,F5,G5,H5,I5)' });
    const grandTotal = sheet.getCell('D28').value as ExcelJS.CellFormulaValue;
    expect(grandTotal.formula).toMatch(/^SUM\(D7,D8,D9,.*,D27\)$/);
    expect(grandTotal.formula.split(',')).toHaveLength(21);
    const table4 = workbook.getWorksheet('表四')!;
    expect(table4.getCell('E5').value).toEqual({ formula: 'SUM(A5,B5,C5,D5)' });
    expect(table4.getCell('O5').value).toEqual({ formula: 'SUM(K5,L5,M5,N5)' });
  });

  it('lists the metadata with enumerations to pick from, and a row per paragraph slot', () => {
    const meta = workbook.getWorksheet('报告信息')!;
    const kind = meta.getColumn(1).values.indexOf('报告信息 › 报告机关 › 机关类别');
    expect(meta.getCell(kind, 2).dataValidation).toMatchObject({ type: 'list' });
    expect(String(meta.getCell(kind, 2).dataValidation.formulae?.[0])).toContain('政府部门');
    const text = workbook.getWorksheet('正文')!;
    expect(text.getColumn(1).values).toContain('一、总体情况 › 主动公开 › 正文');
    expect(text.getColumn(1).values).toContain('五、存在的主要问题及改进情况 › 改进情况 › 小标题');
  });

  it("fills 二、上年结转 from last year's 四、结转下年度继续办理", async () => {
    const last = example('sample-bureau-2021.yaml') as any;
    const draft = draftReport({ edition: '2021', year: 2022, previous: last }) as any;
    const carried = last.sections.applications.table.carriedOverToNextYear;
    expect(draft.sections.applications.table.carriedOverFromLastYear).toEqual(carried);
    expect(draft.metadata.agency).toEqual(last.metadata.agency);
    expect(draft.sections.applications.table.newApplications.total).toBeNull();
  });
});

describe('LibreOffice reads the workbooks (independent reader)', () => {
  beforeAll(() => ensureSoffice());

  it('sees the numbers of an exported report', async () => {
    const report = example('sample-bureau-2021.yaml') as any;
    const sheets = sheetsByLibreOffice(await writeWorkbook(report), join(tmp, 'export'));
    const table3 = sheets['表三']!;
    const row = table3.find((cells) => cells[0] === '一、本年新收政府信息公开申请数量')!;
    const counts = report.sections.applications.table.newApplications;
    expect(row.slice(3).map(Number)).toEqual([
      counts.naturalPerson,
      ...Object.values(counts.legalPersonOrOtherOrganization),
      counts.total,
    ]);
    expect(sheets['报告信息']!.some((cells) => cells[1] === report.metadata.agency.name)).toBe(true);
  }, 180_000);

  it('computes the totals of a draft as a clerk fills it in', async () => {
    const workbook = await load(await writeWorkbook(draftReport({ edition: '2021', year: 2024 })));
    const sheet = workbook.getWorksheet('表三')!;
    for (let row = 5; row <= 29; row++)
      for (let column = 4; column <= 9; column++) {
        const cell = sheet.getCell(row, column);
        if (cell.protection?.locked === false) cell.value = row + column;
      }
    const table4 = workbook.getWorksheet('表四')!;
    ['A5', 'B5', 'C5', 'D5'].forEach((ref, i) => (table4.getCell(ref).value = i + 1));
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const sheets = sheetsByLibreOffice(filled, join(tmp, 'draft'));
    const newApplications = sheets['表三']![4]!; // row 5
    expect(Number(newApplications[9])).toBe([4, 5, 6, 7, 8, 9].reduce((sum, column) => sum + 5 + column, 0));
    const grandTotal = sheets['表三']![27]!; // row 28, （七）总计
    expect(Number(grandTotal[3])).toBe(Array.from({ length: 21 }, (_, i) => 7 + i + 4).reduce((a, b) => a + b, 0));
    expect(Number(sheets['表四']![4]![4])).toBe(10);
    // And nianbao reads the same totals back (exceljs-written, no cached results: worked out from the formulas).
    const read = await readWorkbook(filled);
    expect(
      read.ok && (read.document as any).sections.reviewAndLitigation.table.administrativeReconsideration.total,
    ).toBe(10);
  }, 180_000);

  it('reads back a workbook that LibreOffice opened and saved again', async () => {
    const report = example('sample-bureau-2021.yaml');
    const resaved = resavedByLibreOffice(await writeWorkbook(report), join(tmp, 'resave'));
    const read = await readWorkbook(resaved);
    expect(read.ok && read.problems).toEqual([]);
    expect(read.ok && read.document).toEqual(report);
  }, 180_000);
});
