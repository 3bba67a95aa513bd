import { problem, type SourceProblem } from './problem.js';

/** `-12.50e3` → `-125e2`: sign, significant digits without leading/trailing zeros, exponent. */
function canonicalDecimal(literal: string): string | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(literal);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const fraction = m[3] ?? '';
  let digits = (m[2] ?? '') + fraction;
  let exponent = Number(m[4] ?? 0) - fraction.length;
  digits = digits.replace(/^0+/, '');
  if (digits === '') return '0';
  const trimmed = digits.replace(/0+$/, '');
  exponent += digits.length - trimmed.length;
  return `${m[1] === '-' ? '-' : ''}${trimmed}e${exponent}`;
}

function shown(literal: string): string {
  return literal.length > 40 ? `${literal.slice(0, 40)}…` : literal;
}

/**
 * A problem when the number as written would not read back the same: overflow to Infinity,
 * NaN, or more digits than a double holds (a count of 9007199254740993 would silently become
 * ...992; 1.00000000000000000001 would become the integer 1).
 */
export function numberProblem(
  literal: string,
  value: number,
  at: { line: number; column: number },
): SourceProblem | undefined {
  if (Number.isNaN(value)) {
    return problem(
      'NUMBER_NOT_EXACT',
      `${shown(literal)} 不是数字（NaN）。`,
      `${shown(literal)} is not a number (NaN).`,
      at,
    );
  }
  if (!Number.isFinite(value)) {
    return problem(
      'NUMBER_NOT_EXACT',
      `数字 ${shown(literal)} 超出可表示的范围（会变成无穷大）。`,
      `The number ${shown(literal)} is out of range (it would become Infinity).`,
      at,
    );
  }
  const written = canonicalDecimal(literal);
  // Hexadecimal / octal YAML integers: exact when they fit the safe-integer range.
  const exact = written === undefined ? Number.isSafeInteger(value) : written === canonicalDecimal(String(value));
  if (exact) return undefined;
  return problem(
    'NUMBER_NOT_EXACT',
    `数字 ${shown(literal)} 无法精确保存（读入后会变成 ${value}）；金额请写成带引号的字符串，如 "59237.2449"。`,
    `The number ${shown(literal)} cannot be kept exactly (it would read as ${value}); write amounts as quoted strings, e.g. "59237.2449".`,
    at,
  );
}
