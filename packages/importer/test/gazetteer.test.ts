import { describe, expect, it } from 'vitest';
import { guessKind, guessPlace } from '../src/gazetteer.js';

describe('guessing level and division code from an agency name', () => {
  it.each([
    ['池州市人民防空办公室', '341700', 'municipal'],
    ['安徽省人民政府办公厅', '340000', 'provincial'],
    ['安徽省池州市人民政府', '341700', 'municipal'],
    ['北京市朝阳区人民政府', '110105', 'county'],
    ['北京市发展和改革委员会', '110000', 'provincial'],
    ['黄山市黄山区农业农村局', '341003', 'county'],
    ['宁国市教育体育局', '341881', 'county'],
    ['歙县人民政府', '341021', 'county'],
    ['贵池区梅街镇人民政府', '341702', 'township'],
    ['池州市贵池区秋浦街道办事处', '341702', 'township'],
    ['池州市城乡建设局', '341700', 'municipal'],
  ])('%s → %s (%s)', (name, code, level) => {
    expect(guessPlace(name)).toMatchObject({ code, level });
  });

  it('says when a place name exists more than once', () => {
    expect(guessPlace('朝阳区教育委员会')).toMatchObject({ ambiguous: true, level: 'county' });
    expect(guessPlace('池州市人民防空办公室').ambiguous).toBe(false);
  });

  it('knows national organs and names without a place', () => {
    expect(guessPlace('国家税务总局')).toEqual({ places: [], ambiguous: false, level: 'national' });
    expect(guessPlace('某市示范局（示例数据）')).toEqual({ places: [], ambiguous: false });
  });

  it.each([
    ['歙县人民政府', 'government'],
    ['池州市贵池区秋浦街道办事处', 'government'],
    ['池州市住房公积金管理中心', 'authorized-organization'],
    ['池州市人民防空办公室', 'department'],
  ])('kind of %s: %s', (name, kind) => {
    expect(guessKind(name)).toBe(kind);
  });
});
