import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { describePlace, getAt, schemaFor, type Report } from '@nianbao/template';
import {
  buildViewModel,
  chineseNumeral,
  displayText,
  editionLayout,
  type Cell,
  type HeaderCell,
  type TableView,
} from '../src/index.js';

const load = (name: string): Report =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Report;
const r2019 = load('report-2019.json');
const r2021 = load('report-2021.json');
const example = (name: string): Report =>
  parse(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8')) as Report;
const examples = [example('chizhou-rfb-2020'), example('sample-bureau-2021')];

const clone = <T>(value: T): T => structuredClone(value);
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
};

const table = (report: Report, key: string): TableView => buildViewModel(report).tables.find((t) => t.key === key)!;
const spans = (cells: readonly Cell[]) =>
  cells.map((cell) =>
    cell.kind === 'header'
      ? `${cell.text}[${cell.colSpan}x${cell.rowSpan}]`
      : `#${cell.display}[${cell.layout.colSpan}]`,
  );

/** Places every cell of a table on its grid and checks that each row is exactly covered. */
function gridCoverage(view: TableView): string[] {
  const problems: string[] = [];
  const check = (rows: readonly { cells: readonly Cell[] }[]) => {
    const occupied: boolean[][] = rows.map(() => new Array(view.columnCount).fill(false));
    rows.forEach((row, r) => {
      let column = 0;
      for (const cell of row.cells) {
        while (column < view.columnCount && occupied[r]![column]) column++;
        const colSpan = cell.kind === 'header' ? cell.colSpan : cell.layout.colSpan;
        const rowSpan = cell.kind === 'header' ? cell.rowSpan : cell.layout.rowSpan;
        const declared = cell.kind === 'header' ? cell.column : cell.layout.column;
        if (declared !== column) problems.push(`row ${r}: cell declares column ${declared}, sits at ${column}`);
        for (let dr = 0; dr < rowSpan; dr++)
          for (let dc = 0; dc < colSpan; dc++) {
            if (r + dr >= rows.length || column + dc >= view.columnCount)
              problems.push(`row ${r}: span leaves the table`);
            else if (occupied[r + dr]![column + dc]) problems.push(`row ${r}: overlap at ${column + dc}`);
            else occupied[r + dr]![column + dc] = true;
          }
        column += colSpan;
      }
    });
    occupied.forEach((row, r) => {
      if (row.some((taken) => !taken)) problems.push(`row ${r}: not fully covered`);
    });
  };
  if (view.head.length > 0) check(view.head);
  for (const group of view.groups) check(group.rows);
  return problems;
}

describe('title and sections', () => {
  it('titles the report with agency, year and the document name from the schema', () => {
    expect(buildViewModel(r2019).title).toBe('池州市人民防空办公室2020年政府信息公开工作年度报告');
    expect(buildViewModel(r2021).title).toBe('示例市交通运输局2021年政府信息公开工作年度报告');
  });

  it('lists the six sections in official order with their official headings', () => {
    for (const report of [r2019, r2021]) {
      const view = buildViewModel(report);
      expect(view.sections.map((s) => s.heading)).toEqual([
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ]);
      expect(view.sections.map((s) => s.number)).toEqual(['一', '二', '三', '四', '五', '六']);
      expect(view.sections[0]!.title).toBe('总体情况');
    }
  });

  it('numbers topics （一）（二）… with the agency heading or the official topic name', () => {
    const view = buildViewModel(r2021);
    const topics = view.sections[0]!.blocks.filter((b) => b.kind === 'topic');
    expect(topics.map((t) => t.numberedHeading)).toEqual([
      '（一）主动公开',
      '（二）依申请公开情况',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ]);
    const problems = view.sections[4]!.blocks.filter((b) => b.kind === 'topic');
    expect(problems.map((t) => t.numberedHeading)).toEqual(['（一）存在的主要问题', '（二）改进情况']);
    expect(buildViewModel(r2019).sections[0]!.blocks[1]).toMatchObject({
      number: '（一）',
      heading: '主动公开情况',
      officialHeading: '主动公开',
    });
  });

  it('keeps paragraphs in order with their pointers', () => {
    const view = buildViewModel(r2021);
    expect(view.preface[0]!.pointer).toBe('/preface/paragraphs/0');
    const management = view.sections[0]!.blocks.find((b) => b.kind === 'topic' && b.key === 'informationManagement');
    expect(management && management.kind === 'topic' && management.paragraphs.map((p) => p.pointer)).toEqual([
      '/sections/overview/informationManagement/paragraphs/0',
      '/sections/overview/informationManagement/paragraphs/1',
    ]);
    for (const section of view.sections)
      for (const block of section.blocks)
        if (block.kind !== 'table') for (const p of block.paragraphs) expect(getAt(r2021, p.pointer)).toBe(p.text);
  });

  it('puts the optional explanation paragraphs of a table section before the table, and omits absent ones', () => {
    const view = buildViewModel(r2021);
    expect(view.sections[2]!.blocks.map((b) => b.kind)).toEqual(['paragraphs', 'table']);
    expect(view.sections[1]!.blocks.map((b) => b.kind)).toEqual(['table']);
  });

  it('dates the document by its publication date, else the end of the statistics period', () => {
    expect(buildViewModel(r2019)).toMatchObject({
      documentDate: '2021-01-29',
      documentDateText: '2021年1月29日',
      publicationDateText: '2021年1月29日',
    });
    const undated = clone(r2019);
    delete undated.metadata.publicationDate;
    expect(buildViewModel(undated)).toMatchObject({
      documentDate: '2020-12-31',
      documentDateText: '2020年12月31日',
      publicationDateText: undefined,
    });
  });
});

describe('table 二 (主动公开政府信息情况)', () => {
  it('2019: block title rows span 4 columns; 信息内容 header rows; (八)(九) stretch their last cell', () => {
    const view = table(r2019, 'proactiveDisclosure');
    expect(view.columnCount).toBe(4);
    expect(view.head).toEqual([]);
    const rows = view.groups.map((g) => g.rows.map((r) => spans(r.cells).join(' | ')));
    expect(rows).toEqual([
      [
        '第二十条第（一）项[4x1]',
        '信息内容[1x1] | 本年新制作数量[1x1] | 本年新公开数量[1x1] | 对外公开总数量[1x1]',
        '规章[1x1] | #0[1] | #0[1] | #0[1]',
        '规范性文件[1x1] | #0[1] | #0[1] | #0[1]',
      ],
      [
        '第二十条第（五）项[4x1]',
        '信息内容[1x1] | 上一年项目数量[1x1] | 本年增/减[1x1] | 处理决定数量[1x1]',
        '行政许可[1x1] | #1[1] | #0[1] | #41[1]',
        '其他对外管理服务事项[1x1] | #6[1] | #0[1] | #87[1]',
      ],
      [
        '第二十条第（六）项[4x1]',
        '信息内容[1x1] | 上一年项目数量[1x1] | 本年增/减[1x1] | 处理决定数量[1x1]',
        '行政处罚[1x1] | #8[1] | #0[1] | #0[1]',
        '行政强制[1x1] | #0[1] | #0[1] | #0[1]',
      ],
      [
        '第二十条第（八）项[4x1]',
        '信息内容[1x1] | 上一年项目数量[1x1] | 本年增/减[2x1]',
        '行政事业性收费[1x1] | #1[1] | #0[2]',
      ],
      [
        '第二十条第（九）项[4x1]',
        '信息内容[1x1] | 采购项目数量[1x1] | 采购总金额[2x1]',
        '政府集中采购[1x1] | #0[1] | #0万元[2]',
      ],
    ]);
    expect(view.cells).toHaveLength(2 * 3 + 2 * 3 + 2 * 3 + 1 * 2 + 1 * 2);
  });

  it('2021: single-value blocks span the three data columns', () => {
    const view = table(r2021, 'proactiveDisclosure');
    const rows = view.groups.map((g) => g.rows.map((r) => spans(r.cells).join(' | ')));
    expect(rows).toEqual([
      [
        '第二十条第（一）项[4x1]',
        '信息内容[1x1] | 本年制发件数[1x1] | 本年废止件数[1x1] | 现行有效件数[1x1]',
        '规章[1x1] | #0[1] | #0[1] | #0[1]',
        '行政规范性文件[1x1] | #4[1] | #2[1] | #18[1]',
      ],
      ['第二十条第（五）项[4x1]', '信息内容[1x1] | 本年处理决定数量[3x1]', '行政许可[1x1] | #12873[3]'],
      [
        '第二十条第（六）项[4x1]',
        '信息内容[1x1] | 本年处理决定数量[3x1]',
        '行政处罚[1x1] | #3985758[3]',
        '行政强制[1x1] | #27[3]',
      ],
      [
        '第二十条第（八）项[4x1]',
        '信息内容[1x1] | 本年收费金额（单位：万元）[3x1]',
        '行政事业性收费[1x1] | #59237.2449[3]',
      ],
    ]);
    expect(view.cells).toHaveLength(2 * 3 + 1 + 2 + 1);
  });
});

describe('table 三 (收到和处理政府信息公开申请情况)', () => {
  it('has the official three header rows under the 勾稽关系 corner', () => {
    for (const report of [r2019, r2021]) {
      const view = table(report, 'applications');
      expect(view.columnCount).toBe(10);
      expect(view.labelColumnCount).toBe(3);
      expect(view.head.map((r) => spans(r.cells).join(' | '))).toEqual([
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）[3x3] | 申请人情况[7x1]',
        '自然人[1x2] | 法人或其他组织[5x1] | 总计[1x2]',
        '商业企业[1x1] | 科研机构[1x1] | 社会公益组织[1x1] | 法律服务机构[1x1] | 其他[1x1]',
      ]);
    }
  });

  it('2019: 23 rows × 7 = 161 cells; 三、本年度办理结果 spans 20 rows, （三）不予公开 spans 1.–8.', () => {
    const view = table(r2019, 'applications');
    expect(view.cells).toHaveLength(161);
    const rows = view.groups[0]!.rows;
    expect(rows).toHaveLength(23);
    const labels = rows.map((r) =>
      r.cells
        .filter((c): c is HeaderCell => c.kind === 'header')
        .map((c) => `${c.text}[${c.colSpan}x${c.rowSpan}]`)
        .join(' | '),
    );
    expect(labels[0]).toBe('一、本年新收政府信息公开申请数量[3x1]');
    expect(labels[2]).toBe('三、本年度办理结果[1x20] | （一）予以公开[2x1]');
    expect(labels[4]).toBe('（三）不予公开[1x8] | 1.属于国家秘密[1x1]');
    expect(labels[12]).toBe('（四）无法提供[1x3] | 1.本机关不掌握相关政府信息[1x1]');
    expect(labels[15]).toBe('（五）不予处理[1x5] | 1.信访举报投诉类申请[1x1]');
    expect(labels[19]).toBe('5.要求行政机关确认或重新出具已获取信息[1x1]');
    expect(labels[20]).toBe('（六）其他处理[2x1]');
    expect(labels[21]).toBe('（七）总计[2x1]');
    expect(labels[22]).toBe('四、结转下年度继续办理[3x1]');
    for (const row of rows) expect(row.cells.filter((c) => c.kind === 'data')).toHaveLength(7);
  });

  it('2021: 25 rows × 7 = 175 cells; （六）其他处理 has three rows', () => {
    const view = table(r2021, 'applications');
    expect(view.cells).toHaveLength(175);
    const rows = view.groups[0]!.rows;
    expect(rows).toHaveLength(25);
    expect(spans(rows[2]!.cells).slice(0, 1)).toEqual(['三、本年度办理结果[1x22]']);
    expect(spans(rows[20]!.cells).slice(0, 2)).toEqual([
      '（六）其他处理[1x3]',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请[1x1]',
    ]);
    expect(spans(rows[22]!.cells)[0]).toBe('3.其他[1x1]');
  });
});

describe('table 四 (政府信息公开行政复议、行政诉讼情况)', () => {
  it('has 行政复议 / 行政诉讼 › 未经复议直接起诉 / 复议后起诉 over one row of 15 values', () => {
    const view = table(r2021, 'reviewAndLitigation');
    expect(view.columnCount).toBe(15);
    expect(view.labelColumnCount).toBe(0);
    const outcomes = '结果维持[1x1] | 结果纠正[1x1] | 其他结果[1x1] | 尚未审结[1x1] | 总计[1x1]';
    expect(view.head.map((r) => spans(r.cells).join(' | '))).toEqual([
      '行政复议[5x1] | 行政诉讼[10x1]',
      '结果维持[1x2] | 结果纠正[1x2] | 其他结果[1x2] | 尚未审结[1x2] | 总计[1x2] | 未经复议直接起诉[5x1] | 复议后起诉[5x1]',
      `${outcomes} | ${outcomes}`,
    ]);
    expect(view.groups[0]!.rows[0]!.cells.map((c) => (c.kind === 'data' ? c.display : '?')).join(' ')).toBe(
      '2 1 0 1 4 1 0 0 2 3 0 0 1 0 1',
    );
    expect(view.cells).toHaveLength(15);
    expect(view.cells[5]!.layout).toMatchObject({
      rowId: '.',
      columnId: 'administrativeLitigation/withoutReconsideration/upheld',
      columnLabels: ['行政诉讼', '未经复议直接起诉', '结果维持'],
    });
  });
});

describe('every table of both editions', () => {
  const all = [r2019, r2021, ...examples].flatMap((report) =>
    buildViewModel(report).tables.map((view) => ({ report, view })),
  );

  it.each(all.map(({ report, view }) => [`${report.edition} ${view.key}`, report, view] as const))(
    '%s: spans tile the grid exactly',
    (_name, _report, view) => {
      expect(gridCoverage(view)).toEqual([]);
    },
  );

  it.each(all.map(({ report, view }) => [`${report.edition} ${view.key}`, report, view] as const))(
    '%s: each cell names its value and the labels describePlace gives',
    (_name, report, view) => {
      const schema = schemaFor(report.edition);
      for (const cell of view.cells) {
        const { layout } = cell;
        expect(layout.pointer).toBe(
          [view.pointer, ...(layout.rowId === '.' ? [] : layout.rowId.split('/')), ...layout.columnId.split('/')].join(
            '/',
          ),
        );
        const raw = getAt(report, layout.pointer);
        expect(raw).toBeDefined();
        expect(cell.value).toBe(layout.valueKind === 'money' ? (raw as { value: string }).value : raw);
        const place = describePlace(schema, layout.pointer);
        expect([...layout.rowLabels]).toEqual(place.row);
        expect([...layout.columnLabels]).toEqual(place.column);
      }
    },
  );

  it.each(all.map(({ report, view }) => [`${report.edition} ${view.key}`, report, view] as const))(
    '%s: header ids are unique and every headers reference exists',
    (_name, _report, view) => {
      const headers = [...view.head, ...view.groups.flatMap((g) => g.rows)]
        .flatMap((r) => r.cells)
        .filter((c): c is HeaderCell => c.kind === 'header');
      const ids = headers.map((h) => h.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9-]*$/);
      const known = new Set(ids);
      for (const cell of view.cells) {
        expect(cell.layout.headers.length).toBeGreaterThan(0);
        for (const ref of cell.layout.headers) expect(known.has(ref)).toBe(true);
      }
      for (const header of headers) for (const ref of header.headers) expect(known.has(ref)).toBe(true);
    },
  );

  it('the examples: one view per edition, with the official cell counts', () => {
    expect(examples.map((r) => r.edition)).toEqual(['2019', '2021']);
    expect(examples.map((r) => buildViewModel(r).tables.map((t) => t.cells.length))).toEqual([
      [22, 161, 15],
      [10, 175, 15],
    ]);
    expect(buildViewModel(examples[0]!).title).toBe('池州市人民防空办公室2020年政府信息公开工作年度报告');
  });

  it('ids are unique across the three tables of a report', () => {
    const view = buildViewModel(r2021);
    const ids = view.tables.flatMap((t) =>
      [...t.head, ...t.groups.flatMap((g) => g.rows)]
        .flatMap((r) => r.cells)
        .filter((c): c is HeaderCell => c.kind === 'header')
        .map((c) => c.id),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('values', () => {
  it('shows 本年增/减 signed as published, amounts as decimal strings, money with its unit', () => {
    const report = clone(r2019) as Extract<Report, { edition: '2019' }>;
    report.sections.proactiveDisclosure.table.article20Item5.administrativeLicensing.changeThisYear = 12;
    report.sections.proactiveDisclosure.table.article20Item5.otherExternalServices.changeThisYear = -2;
    report.sections.proactiveDisclosure.table.article20Item9.centralizedProcurement.totalAmount = {
      value: '1234.50',
      unit: '元',
    };
    const view = table(report, 'proactiveDisclosure');
    const byId = (row: string, column: string) =>
      view.cells.find((c) => c.layout.rowId === row && c.layout.columnId === column)!;
    expect(byId('article20Item5/administrativeLicensing', 'changeThisYear')).toMatchObject({
      value: 12,
      display: '+12',
    });
    expect(byId('article20Item5/otherExternalServices', 'changeThisYear')).toMatchObject({ value: -2, display: '-2' });
    expect(byId('article20Item6/administrativePunishment', 'changeThisYear')).toMatchObject({ value: 0, display: '0' });
    expect(byId('article20Item9/centralizedProcurement', 'totalAmount')).toMatchObject({
      value: '1234.50',
      unit: '元',
      display: '1234.50元',
      layout: expect.objectContaining({ valueKind: 'money' }),
    });
    const amount = table(r2021, 'proactiveDisclosure').cells.find((c) => c.layout.valueKind === 'amount')!;
    expect(amount).toMatchObject({ value: '59237.2449', unit: null, display: '59237.2449' });
    expect(table(r2021, 'proactiveDisclosure').cells.find((c) => c.value === 3985758)!.display).toBe('3985758');
  });

  it('shows a not-reported (null) cell as — and flags it', () => {
    const report = clone(r2021) as Extract<Report, { edition: '2021' }>;
    report.provenance = { importedFrom: 'https://example.gov.cn/2021.html' };
    report.sections.applications.table.results.notDisclosed.stateSecret.legalPersonOrOtherOrganization.other = null;
    report.sections.proactiveDisclosure.table.article20Item8.administrativeFees.amount = null;
    const view = buildViewModel(report);
    expect(view.hasNotReported).toBe(true);
    expect(view.importedFrom).toBe('https://example.gov.cn/2021.html');
    const missing = view.tables.flatMap((t) => t.cells).filter((c) => c.notReported);
    expect(missing.map((c) => [c.layout.pointer, c.display, c.value])).toEqual([
      ['/sections/proactiveDisclosure/table/article20Item8/administrativeFees/amount', '—', null],
      ['/sections/applications/table/results/notDisclosed/stateSecret/legalPersonOrOtherOrganization/other', '—', null],
    ]);
    expect(buildViewModel(r2021).hasNotReported).toBe(false);
  });
});

describe('purity', () => {
  it('does not modify the report and gives equal views for equal input', () => {
    const frozen = deepFreeze(clone(r2021));
    const a = JSON.stringify(buildViewModel(frozen));
    const b = JSON.stringify(buildViewModel(clone(r2021)));
    expect(a).toBe(b);
  });

  it('shares one frozen layout per edition', () => {
    expect(editionLayout('2019')).toBe(editionLayout('2019'));
    expect(Object.isFrozen(editionLayout('2021').tables[1]!.head[0]!.cells[0])).toBe(true);
    expect(buildViewModel(r2019).tables[1]!.head).toBe(buildViewModel(r2019).tables[1]!.head);
  });
});

describe('text', () => {
  it('drops control and bidi override characters from displayed text, keeps the rest', () => {
    expect(displayText('a\u202Eb\u0000c\u0007d\u001Be\u2066f\u2069\tg\r\nh\ri')).toBe('abcdef\tg\nh\ni');
    expect(displayText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    const view = buildViewModel({ ...clone(r2021), preface: { paragraphs: ['\u202E倒序文本'] } } as Report);
    expect(view.preface[0]!.text).toBe('倒序文本');
  });

  it('writes Chinese numerals for headings', () => {
    expect([1, 5, 10, 11, 20, 23, 99].map(chineseNumeral)).toEqual([
      '一',
      '五',
      '十',
      '十一',
      '二十',
      '二十三',
      '九十九',
    ]);
  });
});
