/** The rule engine's generic features, driven by rule files written for these tests (no code per rule). */
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@nianbao/template';
import { validReport } from '@nianbao/fixtures';
import { CREDIT_CODE_ALPHABET, checkRuleSet, creditCodeCheckCharacter, isValidCreditCode } from '../src/index.js';
import { add, fromDecimal, toDecimal } from '../src/rules/decimal.js';
import { copy, ruleIds, setAt, validate } from './helpers.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const doc2021 = (): Doc => copy(validReport('2021', 8)) as unknown as Doc;
const text = (zh: string, en = zh) => ({ zh, en });

/** The example of the README: a government's own rules, added without code. */
export const localRules: RuleSet = {
  description: '某市政务公开办：本市年报的补充校验规则',
  rules: [
    {
      id: 'LOCAL-PHONE',
      severity: 'warning',
      title: text('联系电话写明区号', 'The contact phone has an area code'),
      message: text(
        '{location}为“{actual}”，应写成“区号-号码”。',
        '{location} is "{actual}"; write it as area code-number.',
      ),
      checks: [{ type: 'pattern', at: '/metadata/contact/phone', pattern: '^0\\d{2,3}-\\d{7,8}$' }],
    },
    {
      id: 'LOCAL-REVIEW-CAP',
      severity: 'error',
      title: text('行政复议、行政诉讼各组总计不超过本地上限', 'Review and litigation totals within the local ceiling'),
      message: text(
        '{column}为{actual}，超过本市上限（应{expected}），请核实。',
        '{column} is {actual}; the local ceiling is {expected}: please check.',
      ),
      base: '/sections/reviewAndLitigation/table',
      forEach: {
        block: [
          'administrativeReconsideration',
          'administrativeLitigation/withoutReconsideration',
          'administrativeLitigation/afterReconsideration',
        ],
      },
      checks: [{ type: 'compare', left: ['{block}/total'], op: '<=', right: [500] }],
    },
  ],
};

describe('a government’s own rules (extraRules)', () => {
  it('the rule file is valid and its rules run after the edition’s', () => {
    expect(checkRuleSet(localRules)).toEqual([]);
    const document = doc2021();
    expect(validate(document, { extraRules: [localRules] }).findings).toEqual([]);
    document.metadata.contact.phone = '5259107';
    // 600 more upheld cases: the block still adds up (C-SUM) but passes the local ceiling.
    document.sections.reviewAndLitigation.table.administrativeReconsideration.upheld += 600;
    document.sections.reviewAndLitigation.table.administrativeReconsideration.total += 600;
    document.sections.reviewAndLitigation.paragraphs = [];
    const findings = validate(document, { extraRules: [localRules] }).findings;
    expect(ruleIds(findings)).toEqual(['LOCAL-PHONE', 'LOCAL-REVIEW-CAP']);
    expect(findings[0]!.message.zh).toBe('「报告信息 › 联系方式 › 电话」为“5259107”，应写成“区号-号码”。');
    expect(findings[1]).toMatchObject({
      pointer: '/sections/reviewAndLitigation/table/administrativeReconsideration/total',
      expected: '≤ 500',
      severity: 'error',
    });
    expect(findings[1]!.message.zh).toMatch(/^行政复议 › 总计为\d+，超过本市上限（应≤ 500）/);
  });

  it('a rule file for another edition does not apply', () => {
    const document = doc2021();
    document.metadata.contact.phone = '5259107';
    expect(validate(document, { extraRules: [{ ...localRules, edition: '2019' }] }).findings).toEqual([]);
    expect(ruleIds(validate(document, { extraRules: [{ ...localRules, edition: '2021' }] }).findings)).toEqual([
      'LOCAL-PHONE',
    ]);
  });
});

describe('rule DSL', () => {
  const run = (rules: RuleSet['rules'], document: Doc = doc2021(), previous?: unknown) => {
    expect(checkRuleSet({ rules })).toEqual([]);
    return validate(document, {
      extraRules: [{ rules }],
      ...(previous === undefined ? {} : { previous }),
    }).findings.filter((finding) => finding.ruleId.startsWith('T1'));
  };

  it('forEach is a cartesian product (first variable outermost) and fills {variables} in pointers and messages', () => {
    const findings = run([
      {
        id: 'T1-GRID',
        severity: 'warning',
        title: text('grid'),
        message: text('{row}/{column}/{r}/{c}: {actual} {expected}'),
        base: '/sections/applications/table',
        forEach: { r: ['newApplications', 'carriedOverToNextYear'], c: ['naturalPerson', 'total'] },
        checks: [{ type: 'compare', left: ['{r}/{c}'], op: '<', right: [0] }],
      },
    ]);
    expect(findings.map((finding) => finding.pointer)).toEqual([
      '/sections/applications/table/newApplications/naturalPerson',
      '/sections/applications/table/newApplications/total',
      '/sections/applications/table/carriedOverToNextYear/naturalPerson',
      '/sections/applications/table/carriedOverToNextYear/total',
    ]);
    // {row} and {column} are the official labels; the variables' own values fill {r} and {c}.
    expect(findings[0]!.message.zh).toMatch(
      /^一、本年新收政府信息公开申请数量\/自然人\/newApplications\/naturalPerson: \d+ < 0$/,
    );
  });

  it('subtracted terms, constants, exact decimal amounts', () => {
    const document = doc2021();
    document.sections.proactiveDisclosure.table.article20Item8.administrativeFees.amount = '100000.5001';
    const findings = run(
      [
        {
          id: 'T1-FEE',
          severity: 'warning',
          title: text('fee'),
          message: text('{actual} vs {expected}'),
          checks: [
            {
              type: 'compare',
              left: ['/sections/proactiveDisclosure/table/article20Item8/administrativeFees/amount'],
              op: '<=',
              right: [100000.5],
            },
          ],
        },
        {
          id: 'T1-DIFF',
          severity: 'warning',
          title: text('difference'),
          message: text('{actual}'),
          base: '/sections/applications/table',
          checks: [
            { type: 'compare', left: ['newApplications/total', '-newApplications/total', 7], op: '!=', right: [7] },
          ],
        },
      ],
      document,
    );
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'T1-FEE', actual: '100000.5001', expected: '≤ 100000.5' }),
      expect.objectContaining({
        ruleId: 'T1-DIFF',
        actual: 7,
        expected: '≠ 7',
        pointer: '/sections/applications/table/newApplications/total',
      }),
    ]);
  });

  it('conditions: present / absent / compare, for a rule and for a check', () => {
    const rule = (
      id: string,
      when: RuleSet['rules'][number]['when'],
      checkWhen?: RuleSet['rules'][number]['when'],
    ) => ({
      id,
      severity: 'warning' as const,
      title: text(id),
      message: text('{value}'),
      ...(when ? { when } : {}),
      checks: [
        { type: 'range' as const, at: '/metadata/reportYear', max: 2000, ...(checkWhen ? { when: checkWhen } : {}) },
      ],
    });
    const findings = run([
      rule('T1-PRESENT', [{ present: '/metadata/contact' }]),
      rule('T1-ABSENT', [{ absent: '/metadata/contact' }]),
      rule('T1-TRUE', [{ left: ['/metadata/reportYear'], op: '>=', right: [2021] }]),
      rule('T1-FALSE', [{ left: ['/metadata/reportYear'], op: '<', right: [2021] }]),
      rule('T1-UNREADABLE', [{ left: ['/metadata/nothing'], op: '==', right: ['/metadata/nothing'] }]),
      rule('T1-CHECK', undefined, [{ absent: '/provenance' }]),
    ]);
    expect(ruleIds(findings)).toEqual(['T1-PRESENT', 'T1-TRUE', 'T1-CHECK']);
  });

  it('needsPrevious rules need a previous report; prev: terms missing in it skip the check', () => {
    const rules: RuleSet['rules'] = [
      {
        id: 'T1-PREV',
        severity: 'warning',
        title: text('prev'),
        message: text('{actual} {expected}'),
        needsPrevious: true,
        checks: [
          { type: 'compare', left: ['/metadata/reportYear'], op: '==', right: ['prev:/metadata/reportYear', 1] },
          { type: 'compare', left: ['/metadata/reportYear'], op: '==', right: ['prev:/metadata/notThere'] },
        ],
      },
    ];
    expect(run(rules)).toEqual([]);
    const previous = doc2021();
    previous.metadata.reportYear = 2010;
    expect(run(rules, doc2021(), previous)).toEqual([
      expect.objectContaining({ ruleId: 'T1-PREV', expected: 2011, pointer: '/metadata/reportYear' }),
    ]);
  });

  it('a check’s own message; {label} of a deadline case; {word} of a mention', () => {
    const document = doc2021();
    document.metadata.publicationDate = `${document.metadata.reportYear + 2}-01-01`;
    document.sections.otherMatters.paragraphs = [
      '本年度收取信息处理费0元。',
      '人大代表建议和政协提案办理结果已在门户网站公开。',
    ];
    const findings = run(
      [
        {
          id: 'T1-DEADLINE',
          severity: 'warning',
          title: text('deadline'),
          message: text('rule message'),
          checks: [
            {
              type: 'deadline',
              at: '/metadata/publicationDate',
              year: '/metadata/reportYear',
              cases: [{ match: { '/edition': ['2021'] }, monthDay: '06-30', label: text('年中', 'mid-year') }],
              message: text('{actual}晚于{expected}（{label}）', '{actual} after {expected} ({label})'),
            },
          ],
        },
        {
          id: 'T1-MENTION',
          severity: 'warning',
          title: text('mention'),
          message: text('未提及{word}', 'no mention of {word}'),
          checks: [
            { type: 'mentions', at: ['/sections/otherMatters', '/nowhere'], anyOf: ['人大代表建议', 'ABSENT-WORD'] },
            { type: 'mentions', at: ['/preface'], anyOf: ['unknown-WORD'] },
          ],
        },
      ],
      document,
    );
    const year = document.metadata.reportYear;
    expect(findings.map((finding) => finding.message)).toEqual([
      {
        zh: `${year + 2}-01-01晚于${year + 1}-06-30（年中）`,
        en: `${year + 2}-01-01 after ${year + 1}-06-30 (mid-year)`,
      },
      { zh: '未提及unknown-WORD', en: 'no mention of unknown-WORD' },
    ]);
  });

  it('a stated count whose table total is not reported is read from its row, else not assessable (once)', () => {
    const document = doc2021();
    document.provenance = { importedFrom: 'https://www.example.gov.cn/ndbg.html' };
    document.sections.applications.table.newApplications.total = null;
    const tText = () => validate(document).findings.filter((finding) => finding.ruleId === 'T-TEXT');
    // The row's cells give the total (totalsFromParts), and it agrees with the text.
    expect(tText()).toEqual([]);
    // A cell of the row blank too: the text's number may be right.
    document.sections.applications.table.newApplications.naturalPerson = null;
    const findings = tText();
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'info',
        notAssessable: true,
        pointer: '/sections/overview/requestDisclosure/paragraphs/0',
      }),
    ]);
  });
});

describe('rules run on structurally broken documents', () => {
  it('a missing section is a schema finding; rules that need it are skipped, the others still run', () => {
    const document = doc2021();
    delete document.sections.reviewAndLitigation;
    document.sections.applications.table.results.disclosed.total += 1;
    const findings = validate(document).findings;
    expect(ruleIds(findings)).toEqual(['schema', 'B-ROW', 'B-RESULTS']);
    expect(findings[0]).toMatchObject({
      pointer: '/sections/reviewAndLitigation',
      section: '四、政府信息公开行政复议、行政诉讼情况',
    });
  });

  it.each([['12'], [1.5], [-3], [{ n: 1 }]])(
    'a cell of the wrong type (%j) is reported once, by the schema',
    (value) => {
      const document = doc2021();
      setAt(document, '/sections/applications/table/results/disclosed/naturalPerson', value);
      const findings = validate(document).findings;
      expect(ruleIds(findings)).toEqual(['schema']);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.pointer).toBe('/sections/applications/table/results/disclosed/naturalPerson');
    },
  );

  it('a document without a known edition gets one finding and no other check', () => {
    for (const edition of [undefined, '2020', 2021, null]) {
      const document = doc2021();
      if (edition === undefined) delete document.edition;
      else document.edition = edition;
      document.sections.applications.table.results.disclosed.total += 1;
      const result = validate(document);
      expect(result.valid).toBe(false);
      expect(result.edition).toBeUndefined();
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]).toMatchObject({ ruleId: 'schema', pointer: '/edition' });
      // A number that names an edition gets the quoting hint; anything else the list of editions.
      if (typeof edition === 'number') expect(result.findings[0]!.message.zh).toContain("edition: '2021'");
      else
        expect(result.findings[0]!.message.zh).toMatch(
          /"2019"（国办公开办函〔2019〕60号.*"2021"（国办公开办函〔2021〕30号/,
        );
    }
    expect(validate('not a report').findings).toHaveLength(1);
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes and rejects altered ones', () => {
    for (const code of ['914403001922038216', '91440300708461136T', '91110000802100433B']) {
      expect(isValidCreditCode(code)).toBe(true);
      for (const position of [0, 9, 17]) {
        const altered = code.slice(0, position) + (code[position] === '1' ? '2' : '1') + code.slice(position + 1);
        expect(isValidCreditCode(altered), altered).toBe(false);
      }
    }
  });

  it('rejects lower case, letters outside the alphabet, and wrong lengths', () => {
    expect(isValidCreditCode('91440300708461136t')).toBe(false);
    expect(isValidCreditCode('9144030070846113I6')).toBe(false);
    expect(isValidCreditCode('91440300708461136')).toBe(false);
    expect(isValidCreditCode('91440300708461136TT')).toBe(false);
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(CREDIT_CODE_ALPHABET).not.toMatch(/[IOSVZ]/);
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // Find a body whose weighted sum is a multiple of 31 by varying one position.
    for (const char of CREDIT_CODE_ALPHABET) {
      const body = `1134170000000000${char}`;
      if (creditCodeCheckCharacter(body) === '0') {
        expect(isValidCreditCode(`${body}0`)).toBe(true);
        return;
      }
    }
    throw new Error('no body with check character 0');
  });
});

describe('decimal arithmetic', () => {
  it('sums beyond 2^53 and decimals exactly', () => {
    expect(fromDecimal(add(toDecimal(Number.MAX_SAFE_INTEGER)!, toDecimal(2)!))).toBe('9007199254740993');
    expect(fromDecimal(add(toDecimal('59237.2449')!, toDecimal('0.0001')!))).toBe('59237.245');
    expect(fromDecimal(add(toDecimal('0.1')!, toDecimal(0.2)!))).toBe('0.3');
    expect(fromDecimal(add(toDecimal('12.50')!, toDecimal(-2.5)!))).toBe(10);
    expect(toDecimal('1e3')).toBeUndefined();
    expect(toDecimal(Number.NaN)).toBeUndefined();
  });
});
