import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { at, fixture, imported, importHtml } from './helpers.js';

describe('a county bureau page shaped like real CMS output (2020, edition 2019)', () => {
  const result = importHtml('cms-county-2020.html');
  const doc = result.document as unknown as Record<string, unknown>;

  it('reads the metadata from the title, preface, signature and meta tags', () => {
    expect(doc.metadata).toEqual({
      agency: {
        name: '黄山市黄山区农业农村局',
        kind: 'department',
        level: 'county',
        administrativeDivisionCode: '341003',
      },
      reportYear: 2020,
      statisticsPeriod: { start: '2020-01-01', end: '2020-12-31' },
      publicationDate: '2021-01-25',
      contact: {
        department: '办公室',
        address: '黄山区甘棠镇仙源路8号',
        postcode: '245700',
        phone: '0559-8512345',
        fax: '0559-8512346',
        email: 'hsqnyj@example.cn',
      },
      electronicVersion: { location: '黄山区人民政府网站', url: 'http://www.hsq.gov.cn' },
    });
  });

  it('splits the overview into its topics, by key phrase, with inline and separate headings', () => {
    expect(at(doc, '/sections/overview')).toEqual({
      // A line break in the source between two CJK characters is not a space.
      introduction: ['2020年，区农业农村局认真贯彻落实《条例》，围绕全区农业农村中心工作，扎实推进政府信息公开工作。'],
      proactiveDisclosure: {
        heading: '主动公开',
        paragraphs: ['全年主动公开政府信息326条，其中政策文件12条、政策解读8条。'],
      },
      requestDisclosure: { heading: '依申请公开情况', paragraphs: ['全年共收到政府信息公开申请6件，均已按期答复。'] },
      informationManagement: { heading: '政府信息管理', paragraphs: ['严格落实信息发布审核制度，做到先审后发。'] },
      platformBuilding: { heading: '平台建设', paragraphs: ['优化政府网站栏目设置。', '加强政务新媒体管理。'] },
      oversight: { heading: '监督保障', paragraphs: ['将政府信息公开工作纳入年度考核。'] },
    });
    expect(at(doc, '/sections/problemsAndImprovements')).toEqual({
      problems: { heading: '存在的问题', paragraphs: ['信息公开的及时性有待提高。'] },
      improvements: { heading: '改进措施', paragraphs: ['建立信息发布提醒机制。'] },
    });
    // The signature and the page footer are not part of 六.
    expect(at(doc, '/sections/otherMatters')).toEqual({ paragraphs: ['本机关2020年度未收取信息处理费。'] });
  });

  it('reads table 二: <p> and <br> inside cells, &nbsp; in labels, signs, full-width digits, separators, spaces, a unit in the header', () => {
    expect(at(doc, '/sections/proactiveDisclosure')).toEqual({
      table: {
        article20Item1: {
          regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
          normativeDocuments: { newlyMade: 2, newlyPublished: 2, totalPublished: 15 },
        },
        article20Item5: {
          administrativeLicensing: { previousYearItems: 12, changeThisYear: 3, decisions: 1520 },
          otherExternalServices: { previousYearItems: 4, changeThisYear: -2, decisions: 36 },
        },
        article20Item6: {
          administrativePunishment: { previousYearItems: 20, changeThisYear: 0, decisions: 3985758 },
          administrativeCoercion: { previousYearItems: 5, changeThisYear: -1, decisions: 17 },
        },
        article20Item8: { administrativeFees: { previousYearItems: 3, changeThisYear: 0 } },
        article20Item9: { centralizedProcurement: { projects: 6, totalAmount: { value: '356.80', unit: '万元' } } },
      },
    });
  });

  it('reads table 三 with its header split over three <tr>, merged label cells and 合计 for 总计', () => {
    const table = at(doc, '/sections/applications/table') as Record<string, unknown>;
    expect(table.newApplications).toEqual({
      naturalPerson: 5,
      legalPersonOrOtherOrganization: {
        commercialEnterprise: 1,
        researchInstitution: 0,
        publicInterestOrganization: 0,
        legalServiceAgency: 0,
        other: 0,
      },
      total: 6,
    });
    expect(at(table, '/results/unableToProvide/notHeld/total')).toBe(1);
    expect(at(table, '/results/total/total')).toBe(6);
    expect(at(table, '/carriedOverToNextYear/naturalPerson')).toBe(1);
  });

  it('keeps blank, 「/」 and 「—」 cells as not reported (null), each with a warning', () => {
    const notReported = [
      '/sections/applications/table/results/notDisclosed/stateSecret/naturalPerson',
      '/sections/applications/table/results/notDisclosed/processInformation/legalPersonOrOtherOrganization/legalServiceAgency',
      '/sections/reviewAndLitigation/table/administrativeLitigation/withoutReconsideration/pending',
    ];
    expect(result.fidelity.notReported).toEqual(notReported);
    for (const pointer of notReported) expect(at(doc, pointer)).toBeNull();
    expect(result.warnings.filter((w) => w.code === 'not-reported').map((w) => w.at)).toEqual(notReported);
    expect(at(doc, '/sections/reviewAndLitigation/table/administrativeReconsideration')).toEqual({
      upheld: 1,
      corrected: 0,
      otherResult: 0,
      pending: 0,
      total: 1,
    });
    expect(result.fidelity.cellsRead).toBe(result.fidelity.cellsExpected - 3);
  });

  it('tolerates renamed section headings and keeps the page chrome, verbatim, as unplaced text in page order', () => {
    expect(result.fidelity.sectionsFound).toHaveLength(6);
    expect((doc.provenance as { unplaced: { text: string }[] }).unplaced.map((u) => u.text)).toEqual([
      '首页',
      '政务公开',
      '互动交流',
      '您当前的位置：首页 > 政务公开 > 年度报告',
      '发布时间：2021-01-25 16:32 来源：区农业农村局 浏览次数：',
      '字号：【大 中 小】',
      '黄山市黄山区农业农村局',
      '2021年1月25日',
      '【打印本页】 【关闭窗口】',
      '扫一扫在手机打开当前页',
      '主办单位：黄山市黄山区人民政府办公室',
      '皖ICP备05000000号',
    ]);
    // Nothing from <script> or <style> is text.
    expect(JSON.stringify(doc)).not.toContain('不是正文');
  });
});

describe('a county government page in a layout table (2021, edition 2021, 第X部分 headings)', () => {
  const result = importHtml('cms-government-2021.html');
  const doc = result.document as unknown as Record<string, unknown>;

  it('detects the 2021 edition from the table labels', () => {
    expect(doc.edition).toBe('2021');
    expect(result.fidelity).toMatchObject({
      edition: '2021',
      editionFrom: 'labels',
      cellsRead: 200,
      cellsExpected: 10 + 175 + 15,
    });
    expect(result.warnings.some((w) => w.code === 'edition-mismatch')).toBe(false);
  });

  it('reads the 2021 table 二: values spanning three columns, full-width digits, a 万元 amount with four decimals', () => {
    expect(at(doc, '/sections/proactiveDisclosure/table')).toEqual({
      article20Item1: {
        regulations: { issued: 0, repealed: 0, inForce: 0 },
        normativeDocuments: { issued: 3, repealed: 1, inForce: 25 },
      },
      article20Item5: { administrativeLicensing: { decisions: 1520 } },
      article20Item6: { administrativePunishment: { decisions: 3985758 }, administrativeCoercion: { decisions: 12 } },
      article20Item8: { administrativeFees: { amount: '59237.2449' } },
    });
  });

  it('reads the three （六） rows of table 三 and tells the column 其他 from the row 3.其他', () => {
    expect(at(doc, '/sections/applications/table/results/otherHandling')).toEqual({
      overdueCorrection: {
        naturalPerson: 1,
        legalPersonOrOtherOrganization: {
          commercialEnterprise: 0,
          researchInstitution: 0,
          publicInterestOrganization: 0,
          legalServiceAgency: 0,
          other: 0,
        },
        total: 1,
      },
      overdueFee: {
        naturalPerson: 0,
        legalPersonOrOtherOrganization: {
          commercialEnterprise: 0,
          researchInstitution: 0,
          publicInterestOrganization: 0,
          legalServiceAgency: 0,
          other: 0,
        },
        total: 0,
      },
      other: {
        naturalPerson: 0,
        legalPersonOrOtherOrganization: {
          commercialEnterprise: 0,
          researchInstitution: 0,
          publicInterestOrganization: 0,
          legalServiceAgency: 0,
          other: 0,
        },
        total: 0,
      },
    });
    expect(
      at(doc, '/sections/applications/table/newApplications/legalPersonOrOtherOrganization/legalServiceAgency'),
    ).toBe(1);
  });

  it('reads the metadata of a government, and the period stated as 自…起至…止', () => {
    expect(doc.metadata).toEqual({
      agency: { name: '歙县人民政府', kind: 'government', level: 'county', administrativeDivisionCode: '341021' },
      reportYear: 2021,
      statisticsPeriod: { start: '2021-01-01', end: '2021-12-31' },
      publicationDate: '2022-03-18',
      electronicVersion: { location: '“歙县人民政府”门户网站', url: 'www.ahshx.gov.cn' },
    });
    expect(result.warnings.filter((w) => w.code === 'metadata-missing').map((w) => w.at)).toEqual([
      '/metadata/contact',
    ]);
  });

  it('keeps a section without sub-headings as its introduction, and says the topics were not found', () => {
    expect(at(doc, '/sections/problemsAndImprovements')).toEqual({
      introduction: [
        '2021年，我县政府信息公开工作取得一定成效，但仍存在公开内容不够全面等问题。2022年，将进一步加强培训。',
      ],
      problems: { paragraphs: [] },
      improvements: { paragraphs: [] },
    });
    expect(result.warnings.filter((w) => w.code === 'section-missing').map((w) => w.at)).toEqual([
      '/sections/problemsAndImprovements/problems',
      '/sections/problemsAndImprovements/improvements',
    ]);
    expect(at(doc, '/sections/otherMatters/paragraphs')).toEqual([
      '（一）本年度未收取信息处理费。',
      '（二）人大代表建议和政协提案办理结果均已公开。',
    ]);
    expect(at(doc, '/sections/overview/proactiveDisclosure')).toEqual({
      heading: '主动公开',
      paragraphs: ['全年发布信息5 000余条。'],
    });
  });
});

describe('the same 2021 report as |-flattened text (split labels, 合计, padding, a 「—」 cell)', () => {
  const fromHtml = importHtml('cms-government-2021.html');
  const fromText = imported(importReport({ text: fixture('text-2021.txt'), kind: 'text', name: 'text-2021.txt' }));

  it('gives the same document as the HTML page, but for the one not-reported cell', () => {
    const pointer =
      '/sections/applications/table/results/otherHandling/other/legalPersonOrOtherOrganization/researchInstitution';
    expect(fromText.fidelity.notReported).toEqual([pointer]);
    expect(at(fromText.document, pointer)).toBeNull();
    const patched = structuredClone(fromText.document) as unknown as Record<string, unknown>;
    (
      at(patched, '/sections/applications/table/results/otherHandling/other/legalPersonOrOtherOrganization') as Record<
        string,
        unknown
      >
    ).researchInstitution = 0;
    const { provenance: _a, ...text } = patched;
    const { provenance: _b, ...html } = fromHtml.document as unknown as Record<string, unknown>;
    expect(text).toEqual(html);
    expect(fromText.fidelity.edition).toBe('2021');
  });
});

describe('a table split in two at a page break', () => {
  it('is read as one table, the continuation without its header and without the merged 三 cell', () => {
    const whole = importHtml('cms-county-2020.html');
    const html = fixture('cms-county-2020.html').replace(
      '<tr><td rowspan="3">(四)无法提供</td>',
      '</tbody></table>\n<p>（续表）</p>\n<table border="1"><tbody><tr><td rowspan="3">(四)无法提供</td>',
    );
    const split = imported(importReport({ text: html, kind: 'html', name: 'split.html' }));
    const { provenance: a, ...left } = split.document as unknown as Record<string, unknown>;
    const { provenance: b, ...right } = whole.document as unknown as Record<string, unknown>;
    expect(left).toEqual(right);
    expect(split.fidelity.notReported).toEqual(whole.fidelity.notReported);
    expect((a as { unplaced: { text: string }[] }).unplaced.map((u) => u.text)).toContain('（续表）');
    expect((b as { unplaced: { text: string }[] }).unplaced.map((u) => u.text)).not.toContain('（续表）');
  });
});

describe('other tables on the page', () => {
  it("a data table that is not one of the report's is kept as unplaced rows; a layout table is read as text", () => {
    const html = fixture('cms-county-2020.html').replace(
      '<p style="text-indent:2em;"><strong>（二）依申请公开情况。</strong>',
      '<table><tr><td>类别</td><td>条数</td><td>占比</td></tr><tr><td>政策文件</td><td>12</td><td>3.7%</td></tr></table>' +
        '<table><tr><td>另附：全年通过政务新媒体发布信息118条。</td></tr></table>' +
        '<p style="text-indent:2em;"><strong>（二）依申请公开情况。</strong>',
    );
    const result = imported(importReport({ text: html, kind: 'html', name: 'tables.html' }));
    expect(at(result.document, '/sections/overview/proactiveDisclosure/paragraphs')).toEqual([
      '全年主动公开政府信息326条，其中政策文件12条、政策解读8条。',
      '另附：全年通过政务新媒体发布信息118条。',
    ]);
    const unplaced = result.document.provenance?.unplaced ?? [];
    expect(unplaced.map((u) => u.text)).toEqual(expect.arrayContaining(['类别 | 条数 | 占比', '政策文件 | 12 | 3.7%']));
    expect(unplaced.find((u) => u.text === '类别 | 条数 | 占比')?.from).toMatch(
      /^\/html\/body\/div\[3\]\/div\[3\]\/table\[1\]\/tbody\/tr\[1\] \(line \d+\)$/,
    );
  });
});
