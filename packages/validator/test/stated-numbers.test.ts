/**
 * T-TEXT reads numbers as reports write them and covers the statements reports make (issue 10, "Text
 * against the tables"). Sentences from examples/sample-bureau-2021.yaml and published reports.
 */
import { describe, expect, it } from 'vitest';
import { readWrittenNumber as readNumber } from '@nianbao/template';
import { doc, type Doc } from './checks/run.js';
import { validate } from './helpers.js';

describe('readNumber', () => {
  it.each([
    ['17', 17n],
    [' 17 ', 17n],
    ['１７', 17n],
    ['1,234', 1234n],
    ['1，234', 1234n],
    ['十', 10n],
    ['十七', 17n],
    ['二十', 20n],
    ['一百零三', 103n],
    ['两千零五', 2005n],
    ['三万二千', 32000n],
    ['〇', 0n],
    ['零', 0n],
  ])('%s is %s', (written, value) => expect(readNumber(written)).toBe(value));
  it.each([['1,2'], ['12,34'], ['abc'], ['']])('%s is not one number', (written) =>
    expect(readNumber(written)).toBeUndefined(),
  );
});

const T = '/sections/applications/table';
const R = '/sections/reviewAndLitigation/table';

/** A 2021 report whose tables hold the given cells; the text is the sentence, in 六、其他需要报告的事项. */
function report(sentence: string, cells: Record<string, number> = {}): Doc {
  const document = doc('2021', 3);
  for (const [pointer, value] of Object.entries(cells)) {
    const steps = pointer.slice(1).split('/');
    let node = document;
    for (const step of steps.slice(0, -1)) node = node[step];
    node[steps[steps.length - 1]!] = value;
  }
  document.sections.otherMatters.paragraphs = [sentence];
  return document;
}
const stated = (document: Doc) =>
  validate(document)
    .findings.filter((f) => f.ruleId === 'T-TEXT' && f.pointer.startsWith('/sections/otherMatters'))
    .map((f) => [f.actual, f.expected]);
const total = (document: Doc, pointer: string): number => {
  let node = document;
  for (const step of pointer.slice(1).split('/')) node = node[step];
  return node as unknown as number;
};

describe('T-TEXT: numbers as written', () => {
  it.each([
    ['本年度共收到政府信息公开申请 N 件。', (n: number) => ` ${n} `],
    [
      '本年度共收到政府信息公开申请N件。',
      (n: number) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
    ],
  ])('%s', (template, write) => {
    const document = report('');
    const n = total(document, `${T}/newApplications/total`);
    document.sections.otherMatters.paragraphs = [template.replace(' N ', write(n)).replace('N', write(n))];
    expect(stated(document)).toEqual([]);
    document.sections.otherMatters.paragraphs = [template.replace(' N ', write(n + 1)).replace('N', write(n + 1))];
    expect(stated(document)).toEqual([[n + 1, n]]);
  });
  it('Chinese numerals and thousands separators', () => {
    expect(stated(report('本年度共收到政府信息公开申请十七件。', { [`${T}/newApplications/total`]: 17 }))).toEqual([]);
    expect(stated(report('本年度共收到政府信息公开申请一百零三件。', { [`${T}/newApplications/total`]: 17 }))).toEqual([
      [103, 17],
    ]);
    expect(stated(report('本年度共收到政府信息公开申请1,234件。', { [`${T}/newApplications/total`]: 1234 }))).toEqual(
      [],
    );
  });
});

describe('T-TEXT: the statements reports make', () => {
  it('办结, 结转下年度 (examples/sample-bureau-2021.yaml: 办结申请99件，结转下年度继续办理7件)', () => {
    const cells = { [`${T}/results/total/total`]: 99, [`${T}/carriedOverToNextYear/total`]: 7 };
    expect(stated(report('办结申请99件，结转下年度继续办理7件。', cells))).toEqual([]);
    expect(stated(report('办结申请98件，结转下年度继续办理8件。', cells))).toEqual([
      [98, 99],
      [8, 7],
    ]);
  });
  it('予以公开 / 部分公开 / 不予公开 (不予公开: the sum of its eight rows)', () => {
    const document = report('');
    const disclosed = total(document, `${T}/results/disclosed/total`);
    const partial = total(document, `${T}/results/partiallyDisclosed/total`);
    const notDisclosed = [
      'stateSecret',
      'prohibitedByLaw',
      'endangersSecurityOrStability',
      'thirdPartyRights',
      'internalAffairs',
      'processInformation',
      'lawEnforcementFiles',
      'administrativeInquiry',
    ].reduce((sum, key) => sum + total(document, `${T}/results/notDisclosed/${key}/total`), 0);
    document.sections.otherMatters.paragraphs = [
      `其中予以公开${disclosed}件，部分公开${partial}件，不予公开${notDisclosed}件。`,
    ];
    expect(stated(document)).toEqual([]);
    document.sections.otherMatters.paragraphs = [
      `其中予以公开${disclosed + 1}件，部分公开${partial + 2}件，不予公开${notDisclosed + 3}件。`,
    ];
    expect(stated(document)).toEqual([
      [disclosed + 1, disclosed],
      [partial + 2, partial],
      [notDisclosed + 3, notDisclosed],
    ]);
  });
  it('行政复议 and 行政诉讼 with their results (维持, 纠正, 尚未审结)', () => {
    const cells = {
      [`${R}/administrativeReconsideration/total`]: 3,
      [`${R}/administrativeReconsideration/upheld`]: 2,
      [`${R}/administrativeReconsideration/corrected`]: 0,
      [`${R}/administrativeReconsideration/otherResult`]: 0,
      [`${R}/administrativeReconsideration/pending`]: 1,
      [`${R}/administrativeLitigation/withoutReconsideration/total`]: 1,
      [`${R}/administrativeLitigation/withoutReconsideration/upheld`]: 1,
      [`${R}/administrativeLitigation/withoutReconsideration/corrected`]: 0,
      [`${R}/administrativeLitigation/withoutReconsideration/otherResult`]: 0,
      [`${R}/administrativeLitigation/withoutReconsideration/pending`]: 0,
      [`${R}/administrativeLitigation/afterReconsideration/total`]: 1,
      [`${R}/administrativeLitigation/afterReconsideration/upheld`]: 0,
      [`${R}/administrativeLitigation/afterReconsideration/corrected`]: 1,
      [`${R}/administrativeLitigation/afterReconsideration/otherResult`]: 0,
      [`${R}/administrativeLitigation/afterReconsideration/pending`]: 0,
    };
    const right = '本年度发生政府信息公开行政复议3起，其中维持2起，尚未审结1起；行政诉讼2起，其中维持1起，纠正1起。';
    expect(stated(report(right, cells))).toEqual([]);
    const wrong = '本年度发生政府信息公开行政复议3起，其中维持3起，尚未审结0起；行政诉讼2起，其中维持2起，纠正1起。';
    expect(stated(report(wrong, cells))).toEqual([
      [3, 2],
      [0, 1],
      [2, 1],
    ]);
  });
});
