/** Small helpers for bilingual message text. */
import type { LocalizedText } from '@nianbao/template';

export const both = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Shortens long text for a message (by code points, so no surrogate pair is cut). */
export function clip(text: string, max = 40): string {
  if (text.length <= max) return text;
  // Spread only a prefix: texts can be 100,000 characters long.
  const chars = [...text.slice(0, max * 2)];
  return chars.length <= max && text.length <= max * 2 ? text : `${chars.slice(0, max).join('')}…`;
}

/** A value as a message shows it: "the text “12”", "the number 1.5", "null", … */
export function describeValue(value: unknown): LocalizedText {
  if (value === undefined) return both('缺失', 'missing');
  if (value === null) return both('null（空）', 'null');
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return both('NaN（非数）', 'NaN (not a number)');
    if (!Number.isFinite(value)) return both(`${value}（无穷大）`, `${value}`);
    return both(`数字 ${value}`, `the number ${value}`);
  }
  if (typeof value === 'string') return both(`文本“${clip(value)}”`, `the text "${clip(value)}"`);
  if (typeof value === 'boolean') return both(`布尔值 ${value}`, `the boolean ${value}`);
  if (Array.isArray(value))
    return both(`列表（${value.length}项）`, `a list of ${value.length} item${value.length === 1 ? '' : 's'}`);
  if (typeof value === 'object') return both('对象（键值映射）', 'an object (mapping)');
  return both(String(value), String(value));
}

/** A JSON value written as in the document: "2019", 12, null. */
export const jsonText = (value: unknown): string =>
  value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));

export const TYPE_NAMES: Record<string, LocalizedText> = {
  integer: both('整数', 'an integer'),
  number: both('数字', 'a number'),
  string: both('文本', 'text (a string)'),
  object: both('对象（键值映射）', 'an object (mapping)'),
  array: both('列表', 'a list'),
  boolean: both('布尔值（true 或 false）', 'a boolean (true or false)'),
  null: both('null', 'null'),
};
