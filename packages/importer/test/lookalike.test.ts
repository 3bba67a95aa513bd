import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { repoRoot } from './helpers.js';

describe('documents that are not (readable) annual reports are refused saying what they look like', () => {
  it('a copy that lost its line breaks and whose sections cannot be found', () => {
    // Headings run into long text with no section heading of the report's own: nothing to decode.
    const body = `${'主动公开政府信息情况'.repeat(80) + '收到和处理政府信息公开申请'.repeat(80)}行政复议`;
    const result = importReport({ text: body, kind: 'text', name: 'flat.txt' }, { partial: true });
    expect(result.ok).toBe(false);
  });

  it('a notice', () => {
    const text = '关于做好2020年政府信息公开工作年度报告编制和发布工作的通知\n各县区人民政府：\n请按要求编制年度报告。';
    const result = importReport({ text, kind: 'text', name: 'notice.txt' });
    expect(!result.ok && result.problem.message.zh).toMatch(/通知或公告/);
  });

  it('a report in the pre-2019 structure', () => {
    const text = [
      '某县人民政府2017年政府信息公开工作年度报告',
      '一、概述',
      '二、主动公开政府信息情况',
      '三、依申请公开政府信息情况',
      '四、政府信息公开的收费及减免情况',
      '五、因政府信息公开申请行政复议、提起行政诉讼的情况',
      '六、政府信息公开工作存在的主要问题及改进情况',
      '七、其他需要报告的事项',
    ].join('\n');
    const result = importReport({ text, kind: 'text', name: 'old.txt' });
    expect(!result.ok && result.problem.message.en).toMatch(/before 2019/);
  });

  it.each([
    'fj-pingtan-2012-old',
    'fj-pingtan-2016-old',
    'fj-pingtan-2018-old',
    'fj-pingtan-county-2011-old',
    'fj-pingtan-county-2012-old',
    'fj-pingtan-county-2013-old',
    'fj-pingtan-dishui-2013-old',
  ])('the real pre-2019 report %s, flattened by a crawler, with --partial too', (id) => {
    const text = readFileSync(join(repoRoot, 'packages', 'importer', 'test', 'corpus', id, 'source.txt'), 'utf8');
    for (const partial of [false, true]) {
      const result = importReport({ text, kind: 'text', name: 'source.txt' }, { partial });
      expect(result.ok, id).toBe(false);
      if (result.ok) continue;
      expect(result.problem.message.zh).toMatch(/2019 年以前旧格式的年度报告（201\d年度，含.*(概述|统计表|收费)/);
      expect(result.problem.message.en).toMatch(/structure used before 2019/);
    }
  });
});
