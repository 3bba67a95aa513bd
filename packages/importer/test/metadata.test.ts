import { describe, expect, it } from 'vitest';
import { readMetadata } from '../src/metadata.js';
import type { ImportWarning } from '../src/types.js';

const read = (title: string) => {
  const warnings: ImportWarning[] = [];
  const metadata = readMetadata(
    { titles: [title], preface: [], lines: [], signatures: [], body: [], meta: {} },
    warnings,
  );
  return { name: metadata.agency.name, warnings };
};

describe('the agency from the title line', () => {
  it('drops the field label a crawler writes before the title (标题: / 标题：)', () => {
    expect(read('标题：沭阳县发展和改革局2023年政府信息公开工作年度报告').name).toBe('沭阳县发展和改革局');
    expect(read('标题: 上海市人民政府办公厅2019年政府信息公开工作年度报告').name).toBe('上海市人民政府办公厅');
  });

  it('takes a place named alone to be its government, and says it guessed', () => {
    const zone = read('平潭综合实验区2019年度政府信息公开工作年度报告');
    expect(zone.name).toBe('平潭综合实验区管理委员会');
    expect(zone.warnings.some((w) => w.code === 'guessed' && w.at === '/metadata/agency/name')).toBe(true);
    expect(read('平潭县2012年政府信息公开工作年度报告').name).toBe('平潭县人民政府');
    expect(read('池州市人民防空办公室2020年政府信息公开工作年度报告').name).toBe('池州市人民防空办公室');
  });
});
