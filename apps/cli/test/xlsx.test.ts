import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { runCliSync } from '@nianbao/fixtures/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-xlsx-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SAMPLE = 'examples/sample-bureau-2021.yaml';

const nianbao = (args: string[]) => runCliSync(bin, args, { cwd: root });
const example = () => parse(readFileSync(join(root, SAMPLE), 'utf8'));

describe('nianbao new', () => {
  it('writes a draft workbook, and refuses to overwrite it', async () => {
    const out = join(tmp, 'draft.xlsx');
    const run = nianbao(['new', '--edition', '2021', '--year', '2024', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['报告信息', '表二', '表三', '表四', '正文']);
    const again = nianbao(['new', '--year', '2024', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('文件已存在，未覆盖');
    expect(nianbao(['new', '--year', '2024', '--out', out, '--force']).code).toBe(0);
    expect(readdirSync(tmp).filter((name) => name.includes('nianbao-tmp'))).toEqual([]);
  });

  it('writes an empty labelled source file, with 上年结转 from --previous', () => {
    const out = join(tmp, 'draft.yaml');
    const run = nianbao(['new', '--year', '2022', '--out', out, '--previous', SAMPLE]);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('reportYear: 2022 # 报告年度');
    expect(text).toContain('naturalPerson: null # 自然人');
    const draft = parse(text);
    expect(draft.sections.applications.table.carriedOverFromLastYear).toEqual(
      example().sections.applications.table.carriedOverToNextYear,
    );
  });

  it('fails with one line on bad arguments', () => {
    expect(nianbao(['new', '--out', join(tmp, 'x.xlsx')]).stderr).toMatch(/^nianbao new: --year .*\n$/);
    expect(nianbao(['new', '--year', '2024', '--out', join(tmp, 'x.docx')]).code).toBe(2);
    expect(nianbao(['new', '--year', '2024', '--out', join(tmp, 'no', 'x.xlsx')]).stderr).toContain('所在文件夹不存在');
  });
});

describe('nianbao export and nianbao import of a workbook', () => {
  it('export then import gives the same document', () => {
    const xlsx = join(tmp, 'report.xlsx');
    const exported = nianbao(['export', SAMPLE, '--format', 'xlsx', '--out', xlsx]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const yaml = join(tmp, 'back.yaml');
    const imported = nianbao(['import', xlsx, '--out', yaml]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('0 个错误，0 个警告（2021年格式）');
    expect(parse(readFileSync(yaml, 'utf8'))).toEqual(example());
  });

  it('names the sheet and cell of each finding on an imported workbook, and of an unknown row', async () => {
    const xlsx = join(tmp, 'edited.xlsx');
    expect(nianbao(['export', SAMPLE, '--out', xlsx]).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('表三')!;
    sheet.getCell('J12').value = 4; // 4.保护第三方合法权益 总计: the row adds up to 3
    sheet.getCell('A30').value = '五、其他申请';
    sheet.getCell('D30').value = 2;
    await workbook.xlsx.writeFile(xlsx);
    const run = nianbao(['import', xlsx, '--out', join(tmp, 'edited.yaml'), '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${xlsx}（表三!A30）  warning  XLSX\n  Unknown row "五、其他申请"`);
    expect(run.stdout).toMatch(
      new RegExp(
        `${xlsx.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}（表三!J12）  error  B-ROW  /sections/applications/table/results/notDisclosed/thirdPartyRights/total`,
      ),
    );
  });

  it('refuses a workbook that is not a report, and an export of a document that does not fit its schema', () => {
    const fake = join(tmp, 'fake.xlsx');
    writeFileSync(fake, 'not a zip');
    const run = nianbao(['import', fake]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^.*fake\.xlsx: 无法读取 Excel 文件/);
    const broken = join(tmp, 'broken.yaml');
    writeFileSync(
      broken,
      readFileSync(join(root, SAMPLE), 'utf8').replace('edition: "2021"', 'edition: "2021"\nfoo: 1'),
    );
    const refused = nianbao(['export', broken, '--out', join(tmp, 'broken.xlsx')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('未导出');
    expect(readdirSync(tmp)).not.toContain('broken.xlsx');
  });
});
