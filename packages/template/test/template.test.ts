import { describe, expect, it } from 'vitest';
import {
  EDITIONS,
  describePlace,
  editionForYear,
  editionInfo,
  getAt,
  parsePointer,
  propertiesOf,
  resolveRef,
  schemaFor,
  toPointer,
  type JsonSchema,
} from '../src/index.js';

/** Every table cell of an edition: [pointer, row labels, column labels]. */
function cellsOf(
  schema: JsonSchema,
  tablePointer: string,
): { pointer: string; place: ReturnType<typeof describePlace> }[] {
  const cells: { pointer: string; place: ReturnType<typeof describePlace> }[] = [];
  const walk = (node: JsonSchema, segments: string[]) => {
    const resolved = resolveRef(schema, node);
    const isObject = resolved.type === 'object';
    if (!isObject) {
      const pointer = tablePointer + toPointer(segments);
      cells.push({ pointer, place: describePlace(schema, pointer) });
      return;
    }
    for (const property of propertiesOf(schema, node)) walk(property.site, [...segments, property.key]);
  };
  const tableSite = parsePointer(tablePointer).reduce<JsonSchema>((node, key) => {
    const props = resolveRef(schema, node).properties as Record<string, JsonSchema>;
    return props[key]!;
  }, schema);
  walk(tableSite, []);
  return cells;
}

const join = (labels: string[] | undefined) => (labels ?? []).join(' › ');

// The official labels, typed here from the official formats (国办公开办函〔2019〕60号 and〔2021〕30号)
// independently of the schemas, so a typo in a schema title fails this test.
const applicantColumns = [
  '自然人',
  '法人或其他组织 › 商业企业',
  '法人或其他组织 › 科研机构',
  '法人或其他组织 › 社会公益组织',
  '法人或其他组织 › 法律服务机构',
  '法人或其他组织 › 其他',
  '总计',
];
const resultRows2019 = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果 › （一）予以公开',
  '三、本年度办理结果 › （二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  ...[
    '1.属于国家秘密',
    '2.其他法律行政法规禁止公开',
    '3.危及“三安全一稳定”',
    '4.保护第三方合法权益',
    '5.属于三类内部事务信息',
    '6.属于四类过程性信息',
    '7.属于行政执法案卷',
    '8.属于行政查询事项',
  ].map((r) => `三、本年度办理结果 › （三）不予公开 › ${r}`),
  ...['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map(
    (r) => `三、本年度办理结果 › （四）无法提供 › ${r}`,
  ),
  ...[
    '1.信访举报投诉类申请',
    '2.重复申请',
    '3.要求提供公开出版物',
    '4.无正当理由大量反复申请',
    '5.要求行政机关确认或重新出具已获取信息',
  ].map((r) => `三、本年度办理结果 › （五）不予处理 › ${r}`),
];
const tail = ['三、本年度办理结果 › （七）总计', '四、结转下年度继续办理'];
const applicationRows: Record<string, string[]> = {
  '2019': [...resultRows2019, '三、本年度办理结果 › （六）其他处理', ...tail],
  '2021': [
    ...resultRows2019,
    '三、本年度办理结果 › （六）其他处理 › 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '三、本年度办理结果 › （六）其他处理 › 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '三、本年度办理结果 › （六）其他处理 › 3.其他',
    ...tail,
  ],
};
const proactiveCells: Record<string, string[]> = {
  '2019': [
    ...['规章', '规范性文件'].flatMap((r) =>
      ['本年新制作数量', '本年新公开数量', '对外公开总数量'].map((c) => `第二十条第（一）项 › ${r} | ${c}`),
    ),
    ...['行政许可', '其他对外管理服务事项'].flatMap((r) =>
      ['上一年项目数量', '本年增/减', '处理决定数量'].map((c) => `第二十条第（五）项 › ${r} | ${c}`),
    ),
    ...['行政处罚', '行政强制'].flatMap((r) =>
      ['上一年项目数量', '本年增/减', '处理决定数量'].map((c) => `第二十条第（六）项 › ${r} | ${c}`),
    ),
    '第二十条第（八）项 › 行政事业性收费 | 上一年项目数量',
    '第二十条第（八）项 › 行政事业性收费 | 本年增/减',
    '第二十条第（九）项 › 政府集中采购 | 采购项目数量',
    '第二十条第（九）项 › 政府集中采购 | 采购总金额 › 金额',
    '第二十条第（九）项 › 政府集中采购 | 采购总金额 › 单位',
  ],
  '2021': [
    ...['规章', '行政规范性文件'].flatMap((r) =>
      ['本年制发件数', '本年废止件数', '现行有效件数'].map((c) => `第二十条第（一）项 › ${r} | ${c}`),
    ),
    '第二十条第（五）项 › 行政许可 | 本年处理决定数量',
    '第二十条第（六）项 › 行政处罚 | 本年处理决定数量',
    '第二十条第（六）项 › 行政强制 | 本年处理决定数量',
    '第二十条第（八）项 › 行政事业性收费 | 本年收费金额（单位：万元）',
  ],
};
const reviewColumns = ['行政复议', '行政诉讼 › 未经复议直接起诉', '行政诉讼 › 复议后起诉'].flatMap((block) =>
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((c) => `${block} › ${c}`),
);

describe.each(EDITIONS)('edition %s schema', (edition) => {
  const schema = schemaFor(edition);

  it('has a stable $id and says which edition it is', () => {
    expect(schema.$id).toBe(`urn:nianbao:schema:report-${edition}:v1`);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect((schema.properties as Record<string, JsonSchema>).edition).toMatchObject({ const: edition });
  });

  it('table 三 has every official row and column, in official order', () => {
    const cells = cellsOf(schema, '/sections/applications/table');
    const expected = applicationRows[edition]!.flatMap((row) => applicantColumns.map((column) => `${row} | ${column}`));
    expect(cells.map((cell) => `${join(cell.place.row)} | ${join(cell.place.column)}`)).toEqual(expected);
    expect(cells).toHaveLength(edition === '2019' ? 161 : 175);
  });

  it('table 四 has the 15 official cells', () => {
    const cells = cellsOf(schema, '/sections/reviewAndLitigation/table');
    expect(cells.map((cell) => join(cell.place.column))).toEqual(reviewColumns);
    expect(cells.every((cell) => cell.place.row?.length === 0)).toBe(true);
  });

  it('table 二 has exactly the cells of the official table (no cell the official table lacks)', () => {
    const cells = cellsOf(schema, '/sections/proactiveDisclosure/table');
    expect(cells.map((cell) => `${join(cell.place.row)} | ${join(cell.place.column)}`)).toEqual(
      proactiveCells[edition],
    );
  });

  it('names the section of a place', () => {
    const place = describePlace(
      schema,
      '/sections/applications/table/results/notDisclosed/stateSecret/legalPersonOrOtherOrganization/researchInstitution',
    );
    expect(place.section).toBe('三、收到和处理政府信息公开申请情况');
    expect(place.row).toEqual(['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']);
    expect(place.column).toEqual(['法人或其他组织', '科研机构']);
  });

  it('keeps steps the schema does not know, for extra keys', () => {
    const place = describePlace(schema, '/sections/overview/unknownKey');
    expect(place.path).toEqual(['一、总体情况']);
    expect(place.schema).toBeUndefined();
  });

  it('the six sections are in official order', () => {
    const sections = propertiesOf(schema, (schema.properties as Record<string, JsonSchema>).sections!);
    expect(sections.map((s) => s.title)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('every counted cell is an integer ≥ 0 (or null: not reported)', () => {
    const count = (schema.$defs as Record<string, JsonSchema>).count!;
    expect(count).toMatchObject({ type: ['integer', 'null'], minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
  });

  it('ships its rules, each with a unique id', () => {
    const ids = editionInfo(edition).rules.rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'S-EDITION',
        'S-FILLED',
        'B-ROW',
        'B-RESULTS',
        'B-BALANCE',
        'C-SUM',
        'X-CARRY',
        'M-PERIOD',
        'M-DEADLINE',
        'M-IDS',
        'T-EMPTY',
        'T-TEXT',
        'I-SPAM',
      ]),
    );
    expect(ids.includes('X-2019')).toBe(edition === '2019');
    expect(ids.includes('X-VALID')).toBe(edition === '2021');
    expect(ids.includes('T-FEE')).toBe(edition === '2021');
  });
});

describe('editions', () => {
  it('maps report years to editions', () => {
    expect(editionForYear(2018)).toBeUndefined();
    expect(editionForYear(2019)).toBe('2019');
    expect(editionForYear(2020)).toBe('2019');
    expect(editionForYear(2021)).toBe('2021');
    expect(editionForYear(2030)).toBe('2021');
  });
});

describe('JSON Pointer', () => {
  it('escapes and reads back ~ and /', () => {
    const pointer = toPointer(['a/b', 'c~d', 0]);
    expect(pointer).toBe('/a~1b/c~0d/0');
    expect(parsePointer(pointer)).toEqual(['a/b', 'c~d', '0']);
    expect(getAt({ 'a/b': { 'c~d': ['x'] } }, pointer)).toBe('x');
  });
  it('does not read inherited properties', () => {
    expect(getAt({}, '/constructor')).toBeUndefined();
    expect(getAt({ a: [1] }, '/a/length')).toBeUndefined();
  });
});
