/**
 * Guessing an agency's level and 行政区划代码 from its name (池州市人民防空办公室 → 341700, municipal),
 * with the GB/T 2260 province / city / county names of @vant/area-data. Always a guess: the importer
 * says so in a warning.
 */
import { areaList } from '@vant/area-data';

export type Level = 'national' | 'provincial' | 'municipal' | 'county' | 'township';

export interface PlaceGuess {
  code?: string;
  level?: Level;
  /** The place names recognised at the start of the agency name, outermost first. */
  places: string[];
  /** Several places of that name exist; the first was taken. */
  ambiguous: boolean;
}

interface Place {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
}

let places: Place[] | undefined;

function allPlaces(): Place[] {
  if (places) return places;
  const list: Place[] = [];
  for (const [code, name] of Object.entries(areaList.province_list)) list.push({ code, name, level: 'province' });
  for (const [code, name] of Object.entries(areaList.city_list)) list.push({ code, name, level: 'city' });
  for (const [code, name] of Object.entries(areaList.county_list)) list.push({ code, name, level: 'county' });
  // Placeholder entries (市辖区, 县) are not names; overseas codes start with 9.
  places = list.filter(
    (p) => !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(p.name) && !p.code.startsWith('9'),
  );
  return places;
}

function within(place: Place, parent: Place | undefined): boolean {
  if (!parent) return true;
  const prefix = parent.level === 'province' ? parent.code.slice(0, 2) : parent.code.slice(0, 4);
  return place.code.startsWith(prefix) && place.code !== parent.code;
}

/** Reads place names off the start of `name`, each inside the previous one. */
export function guessPlace(name: string): PlaceGuess {
  const guess: PlaceGuess = { places: [], ambiguous: false };
  let rest = name.replace(/\s/g, '');
  let parent: Place | undefined;
  for (;;) {
    const candidates = allPlaces().filter((place) => rest.startsWith(place.name) && within(place, parent));
    if (candidates.length === 0) break;
    const longest = Math.max(...candidates.map((c) => c.name.length));
    const matches = candidates.filter((c) => c.name.length === longest);
    // 北京市 is both a province and its city: keep the province (its agencies are provincial-level).
    const place = matches.find((m) => m.level === 'province') ?? matches[0]!;
    if (!parent && new Set(matches.map((m) => m.code.slice(0, 2))).size > 1) guess.ambiguous = true;
    guess.places.push(place.name);
    parent = place;
    rest = rest.slice(place.name.length);
    guess.code = place.code;
    guess.level = place.level === 'province' ? 'provincial' : place.level === 'city' ? 'municipal' : 'county';
  }
  // 梅街镇人民政府 / 秋浦街道办事处 (not 城乡建设局): a township's own organ.
  if (parent && /^[\p{Script=Han}]{2,5}(镇|乡|街道)(人民政府|办事处|政府|$)/u.test(rest)) guess.level = 'township';
  if (!parent && /^(国务院|国家|中华人民共和国|中国)/.test(rest)) guess.level = 'national';
  return guess;
}

export type Kind = 'government' | 'department' | 'authorized-organization';

/** 人民政府 / 街道办事处 → government; 中心, 公积金… → authorized organization; else a department. */
export function guessKind(name: string): Kind {
  if (/人民政府$|街道办事处$|政府$/.test(name)) return 'government';
  if (/(中心|公积金管理中心|研究院|协会|学会|基金会|公司)$/.test(name)) return 'authorized-organization';
  return 'department';
}
