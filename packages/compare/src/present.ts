/** The wording shared by the HTML and PDF comparison: numbers, percentages, flags, statuses. */
import type { CellComparison, Comparison, ParagraphStatus, ReportSummary } from './types.js';

export const FLAG_TEXT: Record<NonNullable<CellComparison['flag']>, string> = {
  factor: '变化超过10倍',
  toZero: '降为0',
};

export const STATUS_TEXT: Record<ParagraphStatus, string> = {
  identical: '与上年相同',
  numbersChanged: '仅数字不同',
  similar: '与上年相近',
  new: '新写',
};

export const percentText = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

export function changeText(cell: CellComparison): string {
  if (cell.change === null) return '—';
  return cell.change > 0 ? `+${cell.change}` : String(cell.change);
}

export function percentChangeText(cell: CellComparison): string {
  if (cell.percent === null) return cell.change !== null && cell.change !== 0 ? '新增' : '—';
  return `${cell.percent > 0 ? '+' : ''}${cell.percent.toFixed(1)}%`;
}

/** The official tables by number (二, 三, 四), so that rows of the same name in two tables are told apart. */
const TABLE_NAMES: Record<string, string> = {
  proactiveDisclosure: '表二',
  applications: '表三',
  reviewAndLitigation: '表四',
};

export const placeText = (cell: CellComparison) =>
  [TABLE_NAMES[cell.table] ?? cell.table, ...cell.rowLabels, ...cell.columnLabels].join(' › ');

export function reportNote(label: string, summary: ReportSummary): string {
  const who = `${label}：${summary.title}（${summary.edition}年格式）`;
  if (summary.errors === 0 && summary.warnings === 0) return `${who}，校验无问题。`;
  const errors = summary.errors > 0 ? `有 ${summary.errors} 个错误` : '无错误';
  const warnings = summary.warnings > 0 ? `、${summary.warnings} 个警告` : '';
  const tail = summary.errors > 0 ? '；比较照常进行，相关数字可能不可靠' : '';
  return `${who}，${errors}${warnings}${tail}。`;
}

/** The sentences at the head of a comparison. */
export function headline(comparison: Comparison): string[] {
  const lines = [reportNote('上年报告', comparison.last), reportNote('本年报告', comparison.current)];
  if (comparison.last.edition !== comparison.current.edition) {
    lines.push(
      `两年格式不同，按${comparison.edition}年格式比较（2019年格式报告经迁移映射转换）；${comparison.notCarried.length} 个单元格在旧格式中没有来源，记为未填报。`,
    );
  }
  lines.push(
    `共 ${comparison.cells.length} 个单元格，${comparison.changed} 个有变化，${comparison.flagged} 个变化异常（超过10倍或降为0）。`,
  );
  const mismatched = comparison.carryOver.filter((check) => check.matches === false).length;
  lines.push(
    mismatched === 0
      ? '上年结转与上年报告的结转下年度继续办理一致。'
      : `上年结转有 ${mismatched} 栏与上年报告的结转下年度继续办理不一致。`,
  );
  const copied = comparison.identicalShare >= 0.8 ? '：大部分文字照搬上年报告，请核实是否如实反映本年度工作' : '';
  lines.push(
    `正文与上年报告完全相同的文字占 ${percentText(comparison.identicalShare)}，仅数字不同的占 ${percentText(comparison.numbersOnlyShare)}${copied}。`,
  );
  return lines;
}
