// GENERATED FILE — do not edit. Source: schemas/report-2019.schema.json
// Regenerate with `npm run generate`; CI fails (npm run check:generated) when this file drifts.

export type ShortText = string;
/**
 * YYYY-MM-DD
 */
export type Date = string;
/**
 * 一段正文，纯文本（不含标记），按原文保存。
 */
export type Paragraph = string;
/**
 * @maxItems 1000
 */
export type Paragraphs = Paragraph[];
/**
 * 件数：非负整数（可达数百万）。null：原报告未填报（仅限导入的报告，见 provenance）。
 */
export type Count = number | null;
/**
 * 本年增/减：可正可负的整数。null：原报告未填报（仅限导入的报告）。
 */
export type SignedCount = number | null;
/**
 * 金额：十进制数字字符串，最多4位小数，如 "59237.2449"（用字符串以免丢失或虚增小数）。null：原报告未填报（仅限导入的报告）。
 */
export type DecimalAmount = string | null;

/**
 * nianbao source document of a report in the 2019 edition of the national format (report years 2019 and 2020). Labels (title) are the official text; x-order gives the official order; x-row marks an object whose properties are the cells of one table row.
 */
export interface Report2019 {
  /**
   * Optional: the $id of this schema, for editors.
   */
  $schema?: string;
  edition: "2019";
  metadata: Metadata;
  preface: Narrative;
  sections: Sections;
  provenance?: Provenance;
}
export interface Metadata {
  agency: Agency;
  reportYear: number;
  statisticsPeriod: Period;
  publicationDate?: Date;
  contact?: Contact;
  electronicVersion?: ElectronicVersion;
}
export interface Agency {
  name: ShortText;
  kind: "government" | "department" | "authorized-organization";
  level: "national" | "provincial" | "municipal" | "county" | "township";
  administrativeDivisionCode: ShortText;
  unifiedSocialCreditCode?: ShortText;
}
export interface Period {
  start: Date;
  end: Date;
}
export interface Contact {
  department?: ShortText;
  address?: ShortText;
  postcode?: ShortText;
  phone?: ShortText;
  fax?: ShortText;
  email?: ShortText;
}
export interface ElectronicVersion {
  location: ShortText;
  url?: ShortText;
}
/**
 * 一段叙述：若干自然段。
 */
export interface Narrative {
  paragraphs: Paragraphs;
}
export interface Sections {
  overview: OverviewSection;
  proactiveDisclosure: ProactiveDisclosureSection;
  applications: ApplicationsSection;
  reviewAndLitigation: ReviewAndLitigationSection;
  problemsAndImprovements: ProblemsSection;
  otherMatters: Narrative;
}
export interface OverviewSection {
  introduction?: Paragraphs;
  proactiveDisclosure: Topic;
  requestDisclosure: Topic;
  informationManagement: Topic;
  platformBuilding: Topic;
  oversight: Topic;
}
/**
 * 总体情况等叙述部分的一个official子项：可选的本机关小标题（不含序号），及其正文。
 */
export interface Topic {
  heading?: ShortText;
  paragraphs: Paragraphs;
}
export interface ProactiveDisclosureSection {
  paragraphs?: Paragraphs;
  table: ProactiveDisclosureTable;
}
/**
 * 表二：主动公开政府信息情况（2019年格式）。
 */
export interface ProactiveDisclosureTable {
  article20Item1: Article20Item1;
  article20Item5: Article20Item5;
  article20Item6: Article20Item6;
  article20Item8: Article20Item8;
  article20Item9: Article20Item9;
}
/**
 * 第二十条第（一）项
 */
export interface Article20Item1 {
  regulations: DocumentCounts;
  normativeDocuments: DocumentCounts;
}
export interface DocumentCounts {
  newlyMade: Count;
  newlyPublished: Count;
  totalPublished: Count;
}
/**
 * 第二十条第（五）项
 */
export interface Article20Item5 {
  administrativeLicensing: ItemCounts;
  otherExternalServices: ItemCounts;
}
export interface ItemCounts {
  previousYearItems: Count;
  changeThisYear: SignedCount;
  decisions: Count;
}
/**
 * 第二十条第（六）项
 */
export interface Article20Item6 {
  administrativePunishment: ItemCounts;
  administrativeCoercion: ItemCounts;
}
/**
 * 第二十条第（八）项
 */
export interface Article20Item8 {
  administrativeFees: FeeItemCounts;
}
export interface FeeItemCounts {
  previousYearItems: Count;
  changeThisYear: SignedCount;
}
/**
 * 第二十条第（九）项
 */
export interface Article20Item9 {
  centralizedProcurement: Procurement;
}
export interface Procurement {
  projects: Count;
  totalAmount: MoneyAmount;
}
/**
 * 带单位的金额（元或万元）。
 */
export interface MoneyAmount {
  value: DecimalAmount;
  unit: "元" | "万元" | null;
}
export interface ApplicationsSection {
  paragraphs?: Paragraphs;
  table: ApplicationsTable;
}
/**
 * 表三：收到和处理政府信息公开申请情况。
 */
export interface ApplicationsTable {
  newApplications: ApplicantCounts;
  carriedOverFromLastYear: ApplicantCounts;
  results: ApplicationResults;
  carriedOverToNextYear: ApplicantCounts;
}
/**
 * 表三的一行：按申请人类别的7个数。
 */
export interface ApplicantCounts {
  naturalPerson: Count;
  legalPersonOrOtherOrganization: LegalPersonCounts;
  total: Count;
}
export interface LegalPersonCounts {
  commercialEnterprise: Count;
  researchInstitution: Count;
  publicInterestOrganization: Count;
  legalServiceAgency: Count;
  other: Count;
}
export interface ApplicationResults {
  disclosed: ApplicantCounts;
  partiallyDisclosed: ApplicantCounts;
  notDisclosed: NotDisclosedReasons;
  unableToProvide: UnableToProvideReasons;
  notProcessed: NotProcessedReasons;
  otherHandling: ApplicantCounts;
  total: ApplicantCounts;
}
export interface NotDisclosedReasons {
  stateSecret: ApplicantCounts;
  prohibitedByLaw: ApplicantCounts;
  endangersSecurityOrStability: ApplicantCounts;
  thirdPartyRights: ApplicantCounts;
  internalAffairs: ApplicantCounts;
  processInformation: ApplicantCounts;
  lawEnforcementFiles: ApplicantCounts;
  administrativeInquiry: ApplicantCounts;
}
export interface UnableToProvideReasons {
  notHeld: ApplicantCounts;
  needsCreation: ApplicantCounts;
  unclearAfterCorrection: ApplicantCounts;
}
export interface NotProcessedReasons {
  petitionOrComplaint: ApplicantCounts;
  repeatedApplication: ApplicantCounts;
  publishedMaterial: ApplicantCounts;
  massRepeatedApplications: ApplicantCounts;
  confirmationOrReissue: ApplicantCounts;
}
export interface ReviewAndLitigationSection {
  paragraphs?: Paragraphs;
  table: ReviewAndLitigationTable;
}
/**
 * 表四：政府信息公开行政复议、行政诉讼情况（15个数）。
 */
export interface ReviewAndLitigationTable {
  administrativeReconsideration: ReviewOutcomes;
  administrativeLitigation: Litigation;
}
/**
 * 行政复议或行政诉讼的一组5个数。
 */
export interface ReviewOutcomes {
  upheld: Count;
  corrected: Count;
  otherResult: Count;
  pending: Count;
  total: Count;
}
export interface Litigation {
  withoutReconsideration: ReviewOutcomes;
  afterReconsideration: ReviewOutcomes;
}
export interface ProblemsSection {
  introduction?: Paragraphs;
  problems: Topic;
  improvements: Topic;
}
/**
 * 仅见于由已发布页面导入（nianbao import）的报告。有此项时，统计表中原报告未填报的单元格可为 null。
 */
export interface Provenance {
  importedFrom: ShortText;
  unplaced?: UnplacedText[];
  /**
   * 每个导入的表格单元格和段落在原文中的位置，以 JSON Pointer 为键：PDF 为页码和方框（页 N [x0 y0 x1 y1]，单位为点，原点在左下角），文本为行号，网页为元素路径。
   */
  origins?: {
    [k: string]: ShortText | undefined;
  };
  /**
   * 以 --partial 导入时原文中没有的章节和表格（JSON Pointer），其内容记为未填报。
   */
  notFound?: string[];
}
/**
 * 导入时无法归入模板的原文，逐字保存。
 */
export interface UnplacedText {
  text: Paragraph;
  from: ShortText;
}
