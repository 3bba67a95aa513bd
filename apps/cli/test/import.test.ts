import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliSync } from '@nianbao/fixtures/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The built CLI, run from the repository root as users run it.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const SEED = 'examples/published/chizhou-rfb-2020.txt';
const CMS_2020 = 'packages/importer/test/fixtures/cms-county-2020.html';
const CMS_2021_GBK = 'packages/importer/test/fixtures/cms-government-2021.gbk.html';
const PINGTAN = 'packages/importer/test/corpus/fj-pingtan';
/** 第二十条第（一）项 行政规范性文件 of an imported document. */
const normativeDocuments = (file: string) =>
  (
    parse(readFileSync(file, 'utf8')) as {
      sections: { proactiveDisclosure: { table: { article20Item1: { normativeDocuments: unknown } } } };
    }
  ).sections.proactiveDisclosure.table.article20Item1.normativeDocuments;
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const nianbao = (args: string[]) => runCliSync(bin, args, { cwd: root });

/** Every string of a document with the hacked page's spam put back (see examples/chizhou-rfb-2020.yaml). */
function tamper(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('政务公开', '足球比分网').replaceAll('中国', '365体育:');
  if (Array.isArray(value)) return value.map(tamper);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, tamper(item)]));
  }
  return value;
}

/** The example is the report as the agency wrote it; the page, and so its import, carries the spam. */
function exampleDocument(): Record<string, unknown> {
  return tamper(parse(readFileSync(join(root, 'examples/chizhou-rfb-2020.yaml'), 'utf8'))) as Record<string, unknown>;
}

const seedProvenance = {
  importedFrom: 'chizhou-rfb-2020.txt',
  unplaced: [{ text: '扫一扫在手机打开当前页', from: 'line 70' }],
  // Every cell and paragraph with the line it came from.
  origins: expect.objectContaining({
    '/sections/applications/table/carriedOverToNextYear/total': 'line 59',
    '/preface/paragraphs/0': 'line 1',
  }),
};

/** A PDF whose page has only a drawn shape and no text (as a scan has only an image). */
function pdfWithoutText(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const content = '0.5 g 50 50 495 742 re f';
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

describe('nianbao import', () => {
  it('the seed to YAML: the bundled example plus provenance, a fidelity summary, the findings; exit 0', () => {
    const out = join(tmp, 'seed.yaml');
    const run = nianbao(['import', SEED, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(parse(readFileSync(out, 'utf8'))).toEqual({ ...exampleDocument(), provenance: seedProvenance });
    expect(run.stdout).toContain('表格数字：读取 198/198 个');
    expect(run.stdout).toContain('章节：找到 6/6 个');
    expect(run.stdout).toContain('段落：归位 14 段，未归位 1 段');
    // The injected spam is an error (with its place in the written file) that the clerk must fix
    // before `build` publishes anything, but not an import failure: the page is read as it is.
    expect(run.stdout).toMatch(new RegExp(`${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+  error  I-SPAM`));
    expect(run.stdout).toMatch(/7 个错误，\d+ 个警告（2019年格式）/);
    // Strings that look like numbers stay strings.
    expect(readFileSync(out, 'utf8')).toContain('administrativeDivisionCode: "341700"');
    expect(readdirSync(tmp).filter((name) => name.includes('nianbao-tmp'))).toEqual([]);
  });

  it('to JSON, in English', () => {
    const out = join(tmp, 'seed.json');
    const run = nianbao(['import', SEED, '--out', out, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ ...exampleDocument(), provenance: seedProvenance });
    expect(run.stdout).toContain('Table numbers: 198/198 read');
    expect(run.stdout).toMatch(/7 errors, \d+ warnings \(edition 2019\)/);
  });

  it('without --out: the YAML on stdout, the summary and findings on stderr', () => {
    const run = nianbao(['import', SEED]);
    expect(run.code).toBe(0);
    expect(parse(run.stdout)).toEqual({ ...exampleDocument(), provenance: seedProvenance });
    expect(run.stderr).toContain('表格数字：读取 198/198 个');
  });

  it('a CMS page with not-reported cells: each is a warning, the rules that need it are not assessable', () => {
    const out = join(tmp, 'cms.yaml');
    const run = nianbao(['import', CMS_2020, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('表格数字：读取 195/198 个，3 个未填报（记为 null）');
    expect(run.stdout.match(/warning {2}I-NOTREPORTED/g)).toHaveLength(3);
    expect(run.stdout).toMatch(/info {2}\S+\s+\/sections\/applications\/table/);
    const document = parse(readFileSync(out, 'utf8'));
    expect(
      document.sections.reviewAndLitigation.table.administrativeLitigation.withoutReconsideration.pending,
    ).toBeNull();
  });

  it('broken totals in a published report are findings, not an import failure', () => {
    const page = join(tmp, 'broken.txt');
    const seed = readFileSync(join(root, SEED), 'utf8');
    writeFileSync(
      page,
      seed.replace(
        '一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
        '一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 0 |',
      ),
    );
    const run = nianbao(['import', page, '--out', join(tmp, 'broken.yaml')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/error {2}B-ROW/);
    expect(run.stdout).toMatch(/error {2}B-BALANCE/);
  });

  it('a GBK page', () => {
    const out = join(tmp, 'gbk.json');
    const run = nianbao(['import', CMS_2021_GBK, '--out', out]);
    expect(run.code).toBe(0);
    const document = JSON.parse(readFileSync(out, 'utf8'));
    expect(document.edition).toBe('2021');
    expect(document.metadata.agency.name).toBe('歙县人民政府');
  });

  it('not a report: exit 1 with what was found and what is missing, and no file written', () => {
    const page = join(tmp, 'news.html');
    writeFileSync(page, '<html><body><h1>全市安全生产工作会议召开</h1><p>会议强调要压实责任。</p></body></html>');
    const out = join(tmp, 'news.yaml');
    const run = nianbao(['import', page, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('输入不是政府信息公开工作年度报告');
    expect(run.stderr).toContain('找到：无');
    expect(run.stderr).toContain('  - 一、总体情况');
    expect(existsSync(out)).toBe(false);
  });

  it('a truncated page: exit 1', () => {
    const page = join(tmp, 'cut.txt');
    writeFileSync(page, readFileSync(join(root, SEED), 'utf8').split('\n').slice(0, 50).join('\n'));
    const run = nianbao(['import', page, '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('a statistical table is missing or cut short');
    expect(run.stderr).toContain('  - 三、收到和处理政府信息公开申请情况：四、结转下年度继续办理');
  });

  it.each([
    [['import'], /缺少要导入的网页或文本文件/],
    [['import', 'no-such-page.html'], /no-such-page.html: 文件不存在/],
    [['import', SEED, '--edition', '2020'], /--edition 只能是 2019、2021、auto/],
    [['import', SEED, '--out', 'report.txt'], /--out 的文件名应以 .yaml、.yml 或 .json 结尾/],
    [['import', SEED, 'extra.html'], /一次只能导入一个文件/],
    [['import', SEED, '--out', '/nonexistent-dir/x/report.yaml'], /report.yaml: 无法写入（ENOENT）/],
  ])('%j: exit 2, one line on stderr', (args, reason) => {
    const run = nianbao(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(reason);
  });

  it('a file that is neither a report nor a page: exit 2', () => {
    const png = join(tmp, 'report.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const run = nianbao(['import', png]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/看起来是PNG 图片/);
  });

  it('a damaged PDF: exit 2, one line', () => {
    const pdf = join(tmp, 'damaged.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%\u00e2\u00e3');
    const run = nianbao(['import', pdf]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a scanned PDF (no text layer) is refused with that reason: exit 2', () => {
    const pdf = join(tmp, 'scan.pdf');
    writeFileSync(pdf, pdfWithoutText(), 'latin1');
    const run = nianbao(['import', pdf, '--out', join(tmp, 'scan.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/没有文字层.*扫描件/);
    expect(existsSync(join(tmp, 'scan.yaml'))).toBe(false);
  });

  it('an old binary .doc is refused with the hint to save it as .docx or PDF: exit 2', () => {
    const doc = join(tmp, 'report.doc');
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const run = nianbao(['import', doc, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Save it as \.docx or PDF/);
  });

  it('a PDF report: read from its positions and rulings, every number in its cell; exit 0', () => {
    const out = join(tmp, 'pdf.yaml');
    const run = nianbao(['import', 'packages/importer/test/fixtures/nianbao-chizhou-rfb-2020.pdf', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('表格数字：读取 198/198 个');
    const document = parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(document.sections).toEqual(exampleDocument().sections);
  });

  it('--partial: a page without table 三 is imported with its cells not reported, and validated', () => {
    const text = readFileSync(join(root, SEED), 'utf8').split('\n');
    // Drop table 三 (lines 34 to 59 of the seed).
    const page = join(tmp, 'partial.txt');
    writeFileSync(page, [...text.slice(0, 33), ...text.slice(59)].join('\n'));
    const refused = nianbao(['import', page]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('三、收到和处理政府信息公开申请情况（表格）');
    const out = join(tmp, 'partial.yaml');
    const run = nianbao(['import', page, '--partial', '--out', out]);
    expect(run.code).toBe(0);
    const document = parse(readFileSync(out, 'utf8')) as { provenance: { notFound: string[] } };
    expect(document.provenance.notFound).toEqual(['/sections/applications/table']);
    // The spam of the rest of the report is still found.
    expect(run.stdout).toMatch(/I-SPAM/);
  });

  it('a crawler copy with glued digits: errors that hold under every reading of an unread row are listed', () => {
    const out = join(tmp, 'pingtan-2023.yaml');
    const run = nianbao(['import', `${PINGTAN}-2023/source.txt`, '--partial', '--out', out]);
    expect(run.code).toBe(0);
    // 现行有效行政规范性文件393件: no split of 77132470 gives 393; the row stays unread.
    expect(run.stdout).toMatch(
      /T-TEXT {2}\/sections\/overview\/proactiveDisclosure\/paragraphs\/0\n.*现行有效行政规范性文件393件.*全部 21 种可能读法下都存在/,
    );
    expect(normativeDocuments(out)).toEqual({ issued: null, repealed: null, inForce: null });
  });

  it('--previous: last year’s report helps split a glued row and checks the carry-over', () => {
    const out = join(tmp, 'pingtan-2022.yaml');
    const previous = `${PINGTAN}-2021/expected.yaml`;
    const run = nianbao(['import', `${PINGTAN}-2022/source.txt`, '--partial', '--previous', previous, '--out', out]);
    expect(run.code).toBe(0);
    expect(normativeDocuments(out)).toEqual({
      issued: 88,
      repealed: 55,
      inForce: 698,
    });
    // A --previous that is not a report: exit 2, one line naming the import command.
    const bad = nianbao(['import', `${PINGTAN}-2022/source.txt`, '--partial', '--previous', SEED]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/上年报告|previous/);
  });
});
