import type { JsonSchema, RuleSet } from './types.js';
import {
  EDITIONS,
  report2019Schema,
  report2021Schema,
  rules2019,
  rules2021,
  rulesSchema,
} from './generated/schemas.js';
import type { Report2019 } from './generated/report-2019.js';
import type { Report2021 } from './generated/report-2021.js';

export { EDITIONS, rulesSchema };
export type Edition = (typeof EDITIONS)[number];
export type Report = Report2019 | Report2021;

export interface EditionInfo {
  edition: Edition;
  /** The official document that issued the format. */
  issuedWith: string;
  /** Report years the edition is used for (inclusive; `to` undefined: still in force). */
  years: { from: number; to?: number };
  schema: JsonSchema;
  /** The edition's declared data rules. */
  rules: RuleSet;
}

const editions: Record<Edition, EditionInfo> = {
  '2019': {
    edition: '2019',
    issuedWith: '国办公开办函〔2019〕60号',
    years: { from: 2019, to: 2020 },
    schema: report2019Schema,
    rules: rules2019,
  },
  '2021': {
    edition: '2021',
    issuedWith: '国办公开办函〔2021〕30号',
    years: { from: 2021 },
    schema: report2021Schema,
    rules: rules2021,
  },
};

export function isEdition(value: unknown): value is Edition {
  return typeof value === 'string' && (EDITIONS as readonly string[]).includes(value);
}

export function editionInfo(edition: Edition): EditionInfo {
  return editions[edition];
}

export function schemaFor(edition: Edition): JsonSchema {
  return editions[edition].schema;
}

export function rulesFor(edition: Edition): RuleSet {
  return editions[edition].rules;
}

/** The edition a report of `year` must follow, or undefined before 2019 (the 2019 format's first year). */
export function editionForYear(year: number): Edition | undefined {
  return (Object.values(editions) as EditionInfo[]).find(
    (info) => year >= info.years.from && (info.years.to === undefined || year <= info.years.to),
  )?.edition;
}
