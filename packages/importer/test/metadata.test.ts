import { describe, expect, it } from 'vitest';
import { readMetadata } from '../src/metadata.js';
import type { ImportWarning } from '../src/types.js';

const read = (title: string, lines: string[] = []) => {
  const warnings: ImportWarning[] = [];
  const metadata = readMetadata({ titles: [title], preface: [], lines, signatures: [], body: [], meta: {} }, warnings);
  return { name: metadata.agency.name, year: metadata.reportYear, warnings };
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

  it('reads a title whose year follows the report name (…年度报告（2019年）)', () => {
    const title = read('宝坻区大钟庄镇政府信息公开工作年度报告 (2019年)');
    expect(title).toMatchObject({ name: '宝坻区大钟庄镇人民政府', year: 2019 });
    expect(read('某市人民政府政府信息公开工作年度报告（2021年度）')).toMatchObject({
      name: '某市人民政府',
      year: 2021,
    });
  });

  it('takes the full name from the page byline when it is the title agency written in full, and says so', () => {
    const byline = (line: string, title = '宝坻区大钟庄镇政府信息公开工作年度报告（2019年）') => read(title, [line]);
    const town = byline('来源:天津市宝坻区大钟庄镇人民政府 发布时间:2020-01-30 00:00');
    expect(town.name).toBe('天津市宝坻区大钟庄镇人民政府');
    expect(town.warnings.filter((w) => w.at === '/metadata/agency/name')).toHaveLength(1);
    expect(town.warnings.find((w) => w.at === '/metadata/agency/name')?.message.zh).toContain('来源栏');
    const street = byline(
      '发布时间:2020-02-25 13:10      来源:天津市东丽区人民政府东丽湖街道办事处',
      '东丽湖街2019年政府信息公开工作年度报告',
    );
    expect(street.name).toBe('天津市东丽区人民政府东丽湖街道办事处');
  });

  it('does not take a byline that names another agency: the site owner, an office of the government, a short form', () => {
    const zone = '平潭综合实验区2023年政府信息公开工作年度报告';
    expect(read(zone, ['发布机构: 平潭综合实验区管委会办公室']).name).toBe('平潭综合实验区管理委员会');
    expect(read(zone, ['来源：平潭县人民政府']).name).toBe('平潭综合实验区管理委员会');
    const city = '广州市人民政府2023年政府信息公开工作年度报告';
    expect(read(city, ['来源:广州市人民政府办公厅']).name).toBe('广州市人民政府');
    expect(read('广州市海珠区江南中街道办事处2020年政府信息公开工作年度报告', ['来源:江南中街道办事处']).name).toBe(
      '广州市海珠区江南中街道办事处',
    );
  });

  it('on a page without a title, takes the agency naming itself in the first sentences, as a guess', () => {
    const fromText = (paragraph: string) => {
      const warnings: ImportWarning[] = [];
      const metadata = readMetadata(
        { titles: [], preface: [], lines: [], signatures: [], body: [paragraph], meta: {} },
        warnings,
      );
      return { name: metadata.agency.name, guessed: warnings.some((w) => w.at === '/metadata/agency/name') };
    };
    expect(fromText('2023年，在区委、区政府的坚强领导下，官洲街道办事处认真贯彻落实《条例》。')).toEqual({
      name: '官洲街道办事处',
      guessed: true,
    });
    expect(fromText('根据《条例》要求，上饶市人民政府根据全市2022年度政府信息公开工作开展情况，编制本报告。')).toEqual({
      name: '上饶市人民政府',
      guessed: true,
    });
    // Names relative to the reader are no agency's name.
    expect(fromText('根据《条例》要求，区政府办公室根据全区工作情况，编制本报告。').name).toBe('（未知机关）');
  });
});
