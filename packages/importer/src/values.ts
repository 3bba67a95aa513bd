/**
 * Reading one published table cell. Blank, 「/」, 「—」 and 「-」 mean "not reported" (never 0);
 * full-width digits, thousands separators, spaces inside numbers, signs and units are read exactly.
 */
import type { CellKind } from './spec.js';
import { halfWidth } from './text.js';

export type Unit = '元' | '万元';
export type CellValue = number | string | { value: string | null; unit: Unit | null };

export type CellReading =
  | { status: 'value'; value: CellValue; note?: 'unit-converted' | 'unit-from-header' | 'unit-unknown' }
  | { status: 'blank' }
  /** `decimals`: an amount with more decimals than the template holds (rounding it would change it). */
  | { status: 'unreadable'; why?: 'decimals' };

/** Text a published cell uses for "not reported". */
export function isBlankMarker(raw: string): boolean {
  // 「— 未填报」: a mark with its spoken form (what nianbao's own HTML writes for a not-reported cell).
  const text = halfWidth(raw)
    .replace(/\s/g, '')
    .replace(/^(.*?)(未填报|未填写)$/, '$1');
  return text === '' || /^[/\\\-—―─–－]+$/.test(text);
}

/** Whether a cell looks like a value (a number, an amount, or a not-reported marker), not a label. */
export function isValueLike(raw: string): boolean {
  return isBlankMarker(raw) || numberText(raw) !== undefined;
}

interface NumberText {
  sign: '' | '+' | '-';
  digits: string;
  fraction?: string;
  unit?: Unit;
}

/** Parses "+1,234", "３９８５７５８", "3 985 758", "59237.2449万元", "－2" into parts, or undefined. */
export function numberText(raw: string): NumberText | undefined {
  let text = halfWidth(raw).replace(/\s/g, '');
  let unit: Unit | undefined;
  const unitMatch = /(万元|元)$/.exec(text);
  if (unitMatch) {
    unit = unitMatch[1] as Unit;
    text = text.slice(0, -unitMatch[1]!.length);
  } else {
    // A count may carry its measure word (12件, 3项).
    text = text.replace(/[件个项条次]$/, '');
  }
  const match = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const result: NumberText = { sign: match[1] as NumberText['sign'], digits: match[2]!.replace(/,/g, '') };
  if (match[3] !== undefined) result.fraction = match[3];
  if (unit) result.unit = unit;
  return result;
}

function integerOf(parts: NumberText): number | undefined {
  if (parts.fraction !== undefined && !/^0*$/.test(parts.fraction)) return undefined;
  const value = Number(parts.digits) * (parts.sign === '-' ? -1 : 1);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Decimals an amount of the template holds (the schemas' pattern: at most four). */
const MAX_DECIMALS = 4;

/**
 * The amount as the template writes it, or undefined when it needs more decimals than the template
 * holds: 0.000000 is 0 and 12.300000 is 12.3 exactly, but 24252.311082 cannot be kept without changing it.
 */
function decimalString(digits: string, fraction: string | undefined): string | undefined {
  const whole = digits.replace(/^0+(?=\d)/, '');
  if (fraction === undefined || fraction === '') return whole;
  const kept = fraction.length > MAX_DECIMALS ? fraction.replace(/0+$/, '') : fraction;
  if (kept.length > MAX_DECIMALS) return undefined;
  return kept === '' ? whole : `${whole}.${kept}`;
}

/** Moves the decimal point: 元 → 万元 divides by 10000 exactly, on the digits. */
function yuanToWanyuan(digits: string, fraction = ''): { digits: string; fraction: string | undefined } {
  const padded = digits.padStart(5, '0');
  const whole = padded.slice(0, -4);
  const frac = (padded.slice(-4) + fraction).replace(/0+$/, '');
  return { digits: whole, fraction: frac === '' ? undefined : frac };
}

/**
 * Reads a cell for a column of `kind`. `headerUnit`: the unit stated in the column header
 * (本年收费金额（单位：万元）, 采购总金额（万元）).
 */
export function readCell(raw: string, kind: CellKind, headerUnit?: Unit): CellReading {
  if (isBlankMarker(raw)) return { status: 'blank' };
  const parts = numberText(raw);
  if (!parts) return { status: 'unreadable' };
  switch (kind) {
    case 'count': {
      if (parts.sign === '-' || parts.unit) return { status: 'unreadable' };
      const value = integerOf(parts);
      return value === undefined ? { status: 'unreadable', why: 'decimals' } : { status: 'value', value };
    }
    case 'signed': {
      if (parts.unit) return { status: 'unreadable' };
      const value = integerOf(parts);
      return value === undefined ? { status: 'unreadable' } : { status: 'value', value: value === 0 ? 0 : value };
    }
    case 'decimal': {
      if (parts.sign === '-') return { status: 'unreadable' };
      // The 2021 fee column is in 万元; an amount published in 元 is converted exactly.
      if (parts.unit === '元' && headerUnit !== '元') {
        const converted = yuanToWanyuan(parts.digits, parts.fraction);
        const value = decimalString(converted.digits, converted.fraction);
        return value === undefined
          ? { status: 'unreadable', why: 'decimals' }
          : { status: 'value', value, note: 'unit-converted' };
      }
      const value = decimalString(parts.digits, parts.fraction);
      return value === undefined ? { status: 'unreadable', why: 'decimals' } : { status: 'value', value };
    }
    case 'money': {
      if (parts.sign === '-') return { status: 'unreadable' };
      const value = decimalString(parts.digits, parts.fraction);
      if (value === undefined) return { status: 'unreadable', why: 'decimals' };
      const stated = parts.unit ?? headerUnit;
      // 0 is the same amount in 元 and 万元: a zero without a unit is recorded in 元, losing nothing.
      const unit = stated ?? (/^0(\.0*)?$/.test(value) ? '元' : null);
      const reading: CellReading = { status: 'value', value: { value, unit } };
      if (!parts.unit && headerUnit) reading.note = 'unit-from-header';
      if (!stated && unit === null) reading.note = 'unit-unknown';
      return reading;
    }
  }
}

/** The unit a column header states, e.g. 本年收费金额（单位：万元） → 万元. */
export function unitOf(header: string): Unit | undefined {
  const match = /(万元|元)/.exec(halfWidth(header));
  return match ? (match[1] as Unit) : undefined;
}
