import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/index.js';
import { seedPath } from './helpers.js';

describe('documents that are not (readable) annual reports are refused saying what they look like', () => {
  it('a copy that lost its line breaks, its table cells run together', () => {
    const text = readFileSync(seedPath, 'utf8')
      .replace(/\s*\|\s*/g, '')
      .replace(/\n/g, '');
    const result = importReport({ text, kind: 'text', name: 'flat.txt' }, { partial: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message.en).toMatch(/lost its line breaks/);
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
});
