/** A JSON Schema (draft 2020-12) as plain data. nianbao's own annotations start with `x-`. */
export type JsonSchema = { [keyword: string]: unknown };

export type Severity = 'error' | 'warning';
export interface LocalizedText {
  zh: string;
  en: string;
}

/**
 * A term of an arithmetic check: a JSON Pointer relative to the rule's `base` (or absolute when it
 * starts with `/`), `prev:` + pointer to read last year's report, a leading `-` to subtract; or a number.
 * `{name}` is replaced by each value of the rule's `forEach` variable `name`.
 */
export type Term = string | number;
export type CompareOp = '==' | '!=' | '>=' | '<=' | '>' | '<';

/**
 * A rule (or a check) applies only when every condition holds. A comparison with an unreadable term
 * does not hold; `present` / `absent` test whether a pointer exists in the report.
 */
export type Condition = CompareCondition | { present: string } | { absent: string };
export interface CompareCondition {
  left: Term[];
  op: CompareOp;
  right: Term[];
}

interface CheckBase {
  /** Extra conditions for this check only. */
  when?: Condition[];
  /** Overrides the rule's message for findings of this check. */
  message?: LocalizedText;
}

/** Σ left `op` Σ right. The finding points at `at` (default: the first left term). */
export interface CompareCheck extends CheckBase {
  type: 'compare';
  at?: string;
  left: Term[];
  op: CompareOp;
  right: Term[];
}
/** A number at `at` within [min, max]. */
export interface RangeCheck extends CheckBase {
  type: 'range';
  at: string;
  min?: number;
  max?: number;
}
/** A string at `at` matches `pattern` (ECMAScript regular expression, `u` flag). */
export interface PatternCheck extends CheckBase {
  type: 'pattern';
  at: string;
  pattern: string;
}
/** A 统一社会信用代码 at `at` has 18 characters of the code alphabet and a correct check character (GB 32100-2015). */
export interface CreditCodeCheck extends CheckBase {
  type: 'unifiedSocialCreditCode';
  at: string;
}
/** The period at `at` ({start, end}) is exactly 1 January – 31 December of the year at `year`. */
export interface PeriodCoversYearCheck extends CheckBase {
  type: 'periodCoversYear';
  at: string;
  year: string;
}
/**
 * The date at `at` is on or before `monthDay` (MM-DD) of the year after the year at `year`, for the
 * first case whose `match` holds (every pointer's value is one of the listed values). No case: no check.
 */
export interface DeadlineCheck extends CheckBase {
  type: 'deadline';
  at: string;
  year: string;
  cases: { match: Record<string, string[]>; monthDay: string; label: LocalizedText }[];
}
/** Some text below the pointers in `at` contains one of `anyOf`. */
export interface MentionsCheck extends CheckBase {
  type: 'mentions';
  at: string[];
  anyOf: string[];
}
/** The text below the pointers in `at`, taken together, is more than a placeholder. */
export interface SubstantiveCheck extends CheckBase {
  type: 'substantive';
  at: string[];
  /** Fewer meaningful characters (not spaces or punctuation) than this fails. */
  minChars: number;
  /** Text that, stripped of spaces and punctuation, equals one of these fails. */
  placeholders: string[];
}
/** Each match of a pattern (named group `n`, arabic digits) in the text below `at` equals Σ `equals`. */
export interface StatedCountCheck extends CheckBase {
  type: 'statedCount';
  at: string[];
  patterns: string[];
  equals: Term[];
  /**
   * A term `…/total` the report left blank is read from its row's other cells (a row adds up to its
   * 总计): exactly when they are all reported, else as the least it can be, so a smaller stated
   * number is still found.
   */
  totalsFromParts?: boolean;
}
/** No text below `at` contains a listed word or matches a listed pattern; one finding per word and paragraph. */
export interface ForbiddenTextCheck extends CheckBase {
  type: 'forbiddenText';
  at: string[];
  words?: string[];
  patterns?: { pattern: string; label: LocalizedText }[];
}

/**
 * No text below `at` has a character of `pattern` (one character class, `u` flag: `\\p{Cs}` finds lone
 * surrogates); one finding per text naming the code points found (U+0000), never the raw characters.
 */
export interface CharactersCheck extends CheckBase {
  type: 'characters';
  at: string[];
  pattern: string;
  label: LocalizedText;
}

/**
 * No text below `at` has a half-width punctuation mark (a key of `fullWidth`, one character) next to a
 * Chinese character; one finding per text naming each mark found and its full-width form.
 */
export interface PunctuationCheck extends CheckBase {
  type: 'punctuation';
  at: string[];
  fullWidth: Record<string, string>;
}

/** Every table cell (number or amount) below the pointers in `at` is not null; one finding per null cell. */
export interface NotNullCheck extends CheckBase {
  type: 'notNull';
  at: string[];
}

export type Check =
  | NotNullCheck
  | CompareCheck
  | RangeCheck
  | PatternCheck
  | CreditCodeCheck
  | PeriodCoversYearCheck
  | DeadlineCheck
  | MentionsCheck
  | SubstantiveCheck
  | StatedCountCheck
  | ForbiddenTextCheck
  | CharactersCheck
  | PunctuationCheck;

export interface Rule {
  /** Stable id, e.g. B-ROW. Findings carry it. */
  id: string;
  severity: Severity;
  title: LocalizedText;
  /**
   * Message template. Placeholders: {expected} {actual} {location} {row} {column} {value}
   * {word} {paragraph} {label} and each forEach variable.
   */
  message: LocalizedText;
  /** Pointer that relative terms and `at`s are read from. */
  base?: string;
  /** Variables; the rule is evaluated once per combination of their values. */
  forEach?: Record<string, string[]>;
  when?: Condition[];
  /** The rule needs last year's report; without it the rule is not evaluated. */
  needsPrevious?: boolean;
  checks: Check[];
}

export interface RuleSet {
  $schema?: string;
  /** The edition the rules are written for; absent: every edition. */
  edition?: string;
  description?: string;
  rules: Rule[];
}
