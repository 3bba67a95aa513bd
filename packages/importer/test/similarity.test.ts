/** similarAtLeast is similarity(…) ≥ threshold, with a length bound that skips the work, never the answer. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { similarAtLeast, similarity } from '../src/text.js';

const labelChars = fc.constantFrom(
  ...'申请人数量自然人商业企业科研机构社会公益组织法律服务机构其他总计已获取信息不予公开𠀀a1'.split(''),
);
const key = fc.array(labelChars, { maxLength: 24 }).map((chars) => chars.join(''));

describe('similarAtLeast', () => {
  it('agrees with similarity at every threshold', () => {
    fc.assert(
      fc.property(key, key, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, threshold) => {
        expect(similarAtLeast(a, b, threshold)).toBe(similarity(a, b) >= threshold);
      }),
      { numRuns: 3000 },
    );
  });

  it('on labels as reports write them', () => {
    expect(similarAtLeast('已取信息', '已获取信息', 0.85)).toBe(true);
    expect(similarAtLeast('法人或其他组织', '商业企业', 0.85)).toBe(false);
    expect(similarAtLeast('总计', '总计', 1)).toBe(true);
  });
});
