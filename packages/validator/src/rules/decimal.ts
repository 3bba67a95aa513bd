/**
 * Exact decimal arithmetic for rule terms: counts reach the millions and a sum of many of them can pass
 * 2^53; amounts are decimal strings with up to 4 decimals that must not be rounded.
 */
export interface Decimal {
  /** The value times 10^scale. */
  units: bigint;
  scale: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** A finite number or a decimal string ("59237.2449") as a Decimal; undefined for anything else. */
export function toDecimal(value: unknown): Decimal | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    if (Number.isInteger(value)) return { units: BigInt(value), scale: 0 };
    // Fractions: the shortest decimal that reads back as this number.
    const text = Math.abs(value) < 1e-6 || Math.abs(value) >= 1e21 ? value.toFixed(20) : String(value);
    return toDecimal(text);
  }
  if (typeof value !== 'string') return undefined;
  const match = DECIMAL_TEXT.exec(value);
  if (!match) return undefined;
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const units = BigInt((match[2] ?? '0') + fraction);
  return { units: match[1] === '-' ? -units : units, scale: fraction.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
}

export function negate(a: Decimal): Decimal {
  return { units: -a.units, scale: a.scale };
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** As a finding value: a number when exactly representable as a safe integer, else the exact decimal text. */
export function fromDecimal(a: Decimal): number | string {
  let { units, scale } = a;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  if (scale === 0 && units <= BigInt(Number.MAX_SAFE_INTEGER) && units >= -BigInt(Number.MAX_SAFE_INTEGER))
    return Number(units);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text =
    scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}
