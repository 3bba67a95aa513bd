/**
 * The warnings about one cell read (a unit converted or unknown, a cell blank, missing or unreadable) and
 * about a row kept as text (matching no official row, or an official row repeated).
 */
import type { LocalizedText } from '@nianbao/template';
import type { ImportWarning } from './types.js';
import type { readCell } from './values.js';

type Reading = ReturnType<typeof readCell>;

/** The note on a value read (its unit converted to 万元, or not stated), if any. */
export function valueNote(
  reading: Reading,
  raw: string,
  label: LocalizedText,
  pointer: string,
): Omit<ImportWarning, 'from'> | undefined {
  if (reading.status !== 'value') return undefined;
  if (reading.note === 'unit-converted')
    return {
      code: 'unit-converted',
      message: {
        zh: `${label.zh}：原文「${raw}」，按万元记为 ${String(reading.value)}。`,
        en: `${label.en}: published as 「${raw}」, recorded in 万元 as ${String(reading.value)}.`,
      },
      at: pointer,
    };
  if (reading.note === 'unit-unknown')
    return {
      code: 'unit-unknown',
      message: {
        zh: `${label.zh}：金额「${raw}」未注明单位（元或万元），单位记为 null，请核对。`,
        en: `${label.en}: the amount 「${raw}」 states no unit (元 or 万元); unit kept as null, please check.`,
      },
      at: `${pointer}/unit`,
    };
  return undefined;
}

/** The note on a cell kept as not reported: blank, missing, or not a number of its kind. */
export function blankNote(
  reading: Reading,
  raw: string | undefined,
  label: LocalizedText,
): Pick<ImportWarning, 'code' | 'message'> {
  const shown = raw ?? '';
  const what =
    raw === undefined
      ? { zh: '缺少此单元格', en: 'the cell is missing' }
      : shown === ''
        ? { zh: '为空白', en: 'blank' }
        : { zh: `为「${shown}」`, en: `「${shown}」` };
  if (reading.status === 'blank')
    return {
      code: 'not-reported',
      message: {
        zh: `${label.zh}：原报告${what.zh}，记为未填报（null），不按0处理。`,
        en: `${label.en}: ${what.en} in the published report; kept as not reported (null), not 0.`,
      },
    };
  if (reading.status === 'unreadable' && reading.why === 'decimals')
    return {
      code: 'unreadable-cell',
      message: {
        zh: `${label.zh}：金额「${shown}」的小数超过 4 位，模板只记到 4 位小数，舍入会改变原数，记为未填报（null），原文保留。`,
        en: `${label.en}: the amount 「${shown}」 has more than 4 decimals, the template keeps 4 and rounding would change it; kept as not reported (null), the text is kept.`,
      },
    };
  return {
    code: 'unreadable-cell',
    message: {
      zh: `${label.zh}：「${shown}」不是有效的数值，记为未填报（null），原文保留。`,
      en: `${label.en}: 「${shown}」 is not a valid value; kept as not reported (null), the text is kept.`,
    },
  };
}

/** A row with numbers that matches no official row, or repeats one (`label`: the official row's label). */
export function rowNote(text: string, from: string, label?: string): ImportWarning {
  if (label === undefined)
    return {
      code: 'row-unrecognised',
      message: {
        zh: `表格行「${text}」与官方行标签均不对应，保留在未归位原文中。`,
        en: `The table row 「${text}」 matches no official row; kept as unplaced text.`,
      },
      from,
    };
  return {
    code: 'row-duplicate',
    message: {
      zh: `「${label}」出现了不止一次，只取第一次；其余保留在未归位原文中。`,
      en: `The row 「${label}」 appears more than once; the first is used, the others are kept as unplaced text.`,
    },
    from,
  };
}
