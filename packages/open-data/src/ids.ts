/**
 * Identifiers a portal joins on: the report id, the data package name, and the cross-edition id of
 * each table column.
 */
import { createHash } from 'node:crypto';
import type { Edition, Report } from '@nianbao/template';

/**
 * The stable id of a report: `${行政区划代码}-${机关名称}-${报告年度}`. It is built only from what
 * every report states, so it does not change when a later revision adds the 统一社会信用代码 (the
 * credit code is its own field in the CSV and the data package). The same agency and year give the
 * same id in every build, so a portal can upsert on it.
 */
export function reportId(report: Report): string {
  const agency = report.metadata.agency;
  return `${agency.administrativeDivisionCode.trim()}-${agency.name.trim()}-${report.metadata.reportYear}`;
}

/**
 * A name for the data package as the spec wants it (lower-case ASCII, `-._`):
 * `nianbao-<division code>-<first 10 hex of sha256(agency name)>-<year>`, from the same parts as
 * `reportId`, so it too survives a credit code becoming known.
 */
export function packageName(report: Report): string {
  const agency = report.metadata.agency;
  const division = agency.administrativeDivisionCode
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const hash = createHash('sha256').update(agency.name.trim()).digest('hex').slice(0, 10);
  return `nianbao-${division || 'x'}-${hash}-${report.metadata.reportYear}`;
}

/** A column of one edition whose meaning an other edition's column has: the CSV uses the shared id. */
export interface SharedColumn {
  readonly edition: Edition;
  readonly table: string;
  /** The column as named in this edition's JSON (the `pointer` column still locates it exactly). */
  readonly columnId: string;
  /** The id the CSV gives it, the same as the other edition's. */
  readonly sharedId: string;
  readonly label: string;
  readonly reason: string;
}

/**
 * Same meaning, different key. 2019's 本年新制作数量 and 2021's 本年制发件数 both count the 规章 and
 * 规范性文件 the agency issued in the year (国办公开办函〔2021〕30号 renamed the column); every other
 * column with the same meaning already has the same key in both editions (e.g. `decisions`).
 */
export const SHARED_COLUMNS: readonly SharedColumn[] = [
  {
    edition: '2019',
    table: 'proactiveDisclosure',
    columnId: 'newlyMade',
    sharedId: 'issued',
    label: '本年新制作数量 = 本年制发件数',
    reason: '2021 renamed 本年新制作数量 (2019) to 本年制发件数; both count the documents issued in the year',
  },
];

/** The CSV's column id for a cell: its key in the JSON, or the shared id across editions. */
export function sharedColumnId(edition: Edition, table: string, columnId: string): string {
  const shared = SHARED_COLUMNS.find(
    (column) => column.edition === edition && column.table === table && column.columnId === columnId,
  );
  return shared ? shared.sharedId : columnId;
}
