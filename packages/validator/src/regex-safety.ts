/**
 * Rule files may come from anyone (`nianbao validate --rules`), and the engine runs their regular
 * expressions over every paragraph. A pattern like `(\w+\s?)+$` or `(a|aa)*b` takes exponential time
 * on a text that almost matches (catastrophic backtracking), so checkRuleSet refuses it when the file
 * is loaded. The test is static and errs on the side of refusing:
 *
 * - a group repeated more than once (`*`, `+`, `{n,}`, `{n,m}` with m > 1) that contains a repeated part
 *   is risky unless every alternative of the group has a character that must occur once per
 *   repetition and that the repeated part cannot match (it separates one repetition from the next,
 *   as `[)）]` does in `(?:[一-龥][(（][a-zA-Z]{1,6}[)）]){3,}`);
 * - a repeated group whose alternatives can start with the same character (`(a|ab)*`) is risky.
 *
 * Only the syntax needed for that is parsed; anything not understood counts as "any character".
 */

type Ranges = readonly (readonly [number, number])[];
const ANY: Ranges = [[0, 0x10ffff]];

interface CharItem {
  kind: 'char';
  set: Ranges;
}
interface GroupItem {
  kind: 'group';
  branches: Item[][];
}
interface OtherItem {
  kind: 'assertion';
}
type Atom = CharItem | GroupItem | OtherItem;
type Item = Atom & { min: number; max: number; source: string };

const DIGITS: Ranges = [[0x30, 0x39]];
const WORD: Ranges = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];

const overlaps = (a: Ranges, b: Ranges): boolean =>
  a.some(([lo, hi]) => b.some(([blo, bhi]) => lo <= bhi && blo <= hi));
const union = (sets: Ranges[]): Ranges => sets.flat();

class Parser {
  private i = 0;
  constructor(private readonly text: string) {}

  parse(): Item[][] {
    const branches = this.alternatives();
    return branches;
  }

  private alternatives(): Item[][] {
    const branches: Item[][] = [this.sequence()];
    while (this.text[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches;
  }

  private sequence(): Item[] {
    const items: Item[] = [];
    while (this.i < this.text.length && this.text[this.i] !== '|' && this.text[this.i] !== ')') {
      const start = this.i;
      const atom = this.atom();
      const [min, max] = this.quantifier();
      items.push({ ...atom, min, max, source: this.text.slice(start, this.i) } as Item);
    }
    return items;
  }

  private atom(): Atom {
    const char = this.text[this.i]!;
    if (char === '(') {
      this.i++;
      let lookaround = false;
      if (this.text.startsWith('?:', this.i)) this.i += 2;
      else if (this.text.startsWith('?=', this.i) || this.text.startsWith('?!', this.i))
        (this.i += 2), (lookaround = true);
      else if (this.text.startsWith('?<=', this.i) || this.text.startsWith('?<!', this.i))
        (this.i += 3), (lookaround = true);
      else if (this.text.startsWith('?<', this.i)) this.i = this.text.indexOf('>', this.i) + 1;
      const branches = this.alternatives();
      if (this.text[this.i] === ')') this.i++;
      return lookaround ? { kind: 'assertion' } : { kind: 'group', branches };
    }
    if (char === '[') return { kind: 'char', set: this.characterClass() };
    if (char === '^' || char === '$') {
      this.i++;
      return { kind: 'assertion' };
    }
    if (char === '.') {
      this.i++;
      return { kind: 'char', set: ANY };
    }
    if (char === '\\') {
      if (this.text[this.i + 1] === 'b' || this.text[this.i + 1] === 'B') {
        this.i += 2;
        return { kind: 'assertion' };
      }
      return { kind: 'char', set: this.escape() };
    }
    const point = this.text.codePointAt(this.i)!;
    this.i += point > 0xffff ? 2 : 1;
    return { kind: 'char', set: [[point, point]] };
  }

  /** A class escape or a character escape, as a set (classes other than \d and \w: any character). */
  private escape(): Ranges {
    this.i++; // the backslash
    const char = this.text[this.i]!;
    this.i++;
    switch (char) {
      case 'd':
        return DIGITS;
      case 'w':
        return WORD;
      case 'D':
      case 'W':
      case 's':
      case 'S':
        return ANY;
      case 'p':
      case 'P':
        if (this.text[this.i] === '{') this.i = this.text.indexOf('}', this.i) + 1;
        return ANY;
      case 'u': {
        if (this.text[this.i] === '{') {
          const end = this.text.indexOf('}', this.i);
          const point = parseInt(this.text.slice(this.i + 1, end), 16);
          this.i = end + 1;
          return [[point, point]];
        }
        const point = parseInt(this.text.slice(this.i, this.i + 4), 16);
        this.i += 4;
        return [[point, point]];
      }
      case 'x': {
        const point = parseInt(this.text.slice(this.i, this.i + 2), 16);
        this.i += 2;
        return [[point, point]];
      }
      case 'k':
        if (this.text[this.i] === '<') this.i = this.text.indexOf('>', this.i) + 1;
        return ANY;
      case 't':
        return [[9, 9]];
      case 'n':
        return [[10, 10]];
      case 'r':
        return [[13, 13]];
      case 'f':
        return [[12, 12]];
      case 'v':
        return [[11, 11]];
      case 'c':
        this.i++;
        return ANY;
      default:
        // Back-references (\1) match what a group matched: any character.
        if (char >= '0' && char <= '9') {
          while (this.text[this.i]! >= '0' && this.text[this.i]! <= '9') this.i++;
          return ANY;
        }
        return [[char.codePointAt(0)!, char.codePointAt(0)!]];
    }
  }

  private characterClass(): Ranges {
    this.i++; // [
    const negated = this.text[this.i] === '^';
    if (negated) this.i++;
    const ranges: [number, number][] = [];
    let any = false;
    const single = (): Ranges => {
      // In a class, \b is the backspace character (U+0008), not a word boundary.
      if (this.text.startsWith('\\b', this.i)) {
        this.i += 2;
        return [[8, 8]];
      }
      if (this.text[this.i] === '\\') return this.escape();
      const point = this.text.codePointAt(this.i)!;
      this.i += point > 0xffff ? 2 : 1;
      return [[point, point]];
    };
    while (this.i < this.text.length && this.text[this.i] !== ']') {
      const low = single();
      if (this.text[this.i] === '-' && this.text[this.i + 1] !== ']' && low.length === 1 && low[0]![0] === low[0]![1]) {
        this.i++;
        const high = single();
        if (high.length === 1 && high[0]![0] === high[0]![1]) ranges.push([low[0]![0], high[0]![1]]);
        else any = true;
      } else if (low === ANY) any = true;
      else ranges.push(...low.map(([lo, hi]) => [lo, hi] as [number, number]));
    }
    this.i++; // ]
    return negated || any ? ANY : ranges;
  }

  /** [min, max] of the quantifier after an atom ([1, 1] without one). */
  private quantifier(): [number, number] {
    const char = this.text[this.i];
    let bounds: [number, number] = [1, 1];
    if (char === '*') (bounds = [0, Infinity]), this.i++;
    else if (char === '+') (bounds = [1, Infinity]), this.i++;
    else if (char === '?') (bounds = [0, 1]), this.i++;
    else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.text.slice(this.i));
      if (match) {
        const min = Number(match[1]);
        bounds = [min, match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3])];
        this.i += match[0].length;
      }
    }
    if (bounds[0] !== 1 || bounds[1] !== 1 || char === '{') if (this.text[this.i] === '?') this.i++; // lazy
    return bounds;
  }
}

/** The characters of every part repeated more than once inside items (at any depth). */
function repeatedInside(items: readonly Item[]): Ranges[] {
  const sets: Ranges[] = [];
  for (const item of items) {
    if (item.kind === 'group') {
      const inner = item.branches.flatMap(repeatedInside);
      if (item.max > 1) sets.push(union([...inner, ...item.branches.flatMap((branch) => branch.map(charsOf))]));
      else sets.push(...inner);
    } else if (item.kind === 'char' && item.max > 1) sets.push(item.set);
  }
  return sets;
}

/** Every character an item can match. */
function charsOf(item: Item): Ranges {
  if (item.kind === 'char') return item.set;
  if (item.kind === 'group') return union(item.branches.flatMap((branch) => branch.map(charsOf)));
  return [];
}

/** The characters a sequence can start with (up to and including its first mandatory item). */
function firstChars(items: readonly Item[]): Ranges {
  const sets: Ranges[] = [];
  for (const item of items) {
    if (item.kind === 'assertion') continue;
    sets.push(item.kind === 'char' ? item.set : union(item.branches.map(firstChars)));
    if (
      item.min > 0 &&
      !(
        item.kind === 'group' &&
        item.branches.some((branch) => branch.every((inner) => inner.min === 0 || inner.kind === 'assertion'))
      )
    )
      return union(sets);
  }
  return ANY; // can match the empty string: anything may follow
}

function riskIn(items: readonly Item[]): string | undefined {
  for (const item of items) {
    if (item.kind !== 'group') continue;
    const inner = item.branches.map((branch) => riskIn(branch)).find((risk) => risk !== undefined);
    if (inner) return inner;
    if (item.max <= 1) continue;
    for (const branch of item.branches) {
      const repeated = repeatedInside(branch);
      if (repeated.length === 0) continue;
      const all = union(repeated);
      const separated = branch.some((part) => part.kind === 'char' && part.min >= 1 && !overlaps(part.set, all));
      if (!separated) return item.source;
    }
    if (item.branches.length > 1) {
      const starts = item.branches.map(firstChars);
      for (let a = 0; a < starts.length; a++)
        for (let b = a + 1; b < starts.length; b++) if (overlaps(starts[a]!, starts[b]!)) return item.source;
    }
  }
  return undefined;
}

/**
 * The part of a pattern (as written) that can make matching take exponential time, or undefined.
 * For patterns that compile (checkRuleSet compiles them first).
 */
export function backtrackingRisk(pattern: string): string | undefined {
  const branches = new Parser(pattern).parse();
  // The whole pattern is not repeated; its alternatives are checked inside.
  for (const branch of branches) {
    const risk = riskIn(branch);
    if (risk) return risk;
  }
  return undefined;
}

/** How many code points a set holds. */
const sizeOf = (set: Ranges): number => set.reduce((total, [lo, hi]) => total + (hi - lo + 1), 0);

/** Sets of which every match of a sequence has a character (each set on its own). */
function neededIn(items: readonly Item[]): Ranges[] {
  const sets: Ranges[] = [];
  for (const item of items) {
    if (item.min < 1) continue;
    if (item.kind === 'char') {
      if (item.set !== ANY) sets.push(item.set);
    } else if (item.kind === 'group') sets.push(...neededOf(item.branches));
  }
  return sets;
}

/** For alternatives: one set per alternative (its smallest), united; nothing when an alternative needs nothing. */
function neededOf(branches: readonly Item[][]): Ranges[] {
  if (branches.length === 1) return neededIn(branches[0]!);
  const picks: Ranges[] = [];
  for (const branch of branches) {
    const sets = neededIn(branch);
    if (sets.length === 0) return [];
    picks.push(sets.reduce((best, set) => (sizeOf(set) < sizeOf(best) ? set : best)));
  }
  return [union(picks)];
}

/**
 * Character sets of which every match of the pattern contains at least one character each: a text
 * without a character of one of them cannot match, so the expression need not run on it (a prefilter).
 * At most `limit` sets, the smallest first, each of at most `maxSize` code points (a set as large as
 * the CJK block filters nothing). Errs towards fewer and larger sets: anything not understood is "any
 * character", which is never returned. For patterns that compile with the u flag and no other flag.
 */
export function necessarySets(pattern: string, limit = 3, maxSize = 1024): [number, number][][] {
  const sets = neededOf(new Parser(pattern).parse())
    .map((set) => ({ set, size: sizeOf(set) }))
    .filter(({ size }) => size <= maxSize)
    .sort((a, b) => a.size - b.size);
  return sets.slice(0, limit).map(({ set }) => set.map(([lo, hi]) => [lo, hi] as [number, number]));
}
