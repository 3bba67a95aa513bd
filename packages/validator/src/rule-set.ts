/** Checking a rule file (the edition's or a government's own) before it is used. */
import { rulesSchema, toPointer } from '@nianbao/template';
import type { Finding } from './types.js';
import { converterFor } from './zod-from-schema.js';
import { issuesToFindings } from './structural.js';
import { BUILT_IN_PLACEHOLDERS } from './rules/engine.js';
import { both } from './text.js';
import { backtrackingRisk } from './regex-safety.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Path = (string | number)[];

const error = (path: Path, zh: string, en: string, actual?: unknown): Finding => ({
  ruleId: 'schema',
  severity: 'error',
  pointer: toPointer(path),
  ...(actual === undefined ? {} : { actual }),
  message: both(zh, en),
});

/**
 * Validates a rule file against rules.schema.json (through the same JSON Schema → zod converter), then
 * what a schema cannot say: regular expressions compile (with the u flag, as the engine runs them),
 * regular expressions cannot backtrack catastrophically (regex-safety.ts), `{name}` in pointers names a forEach variable, message placeholders are known, rule ids are unique.
 * No findings: the file can be passed to validateReport as extraRules.
 */
export function checkRuleSet(ruleSet: unknown): Finding[] {
  const schema = converterFor(rulesSchema).convert(rulesSchema);
  const result = schema.safeParse(ruleSet);
  const findings = result.success
    ? []
    : issuesToFindings(result.error.issues, ruleSet, { root: rulesSchema, labels: false });
  if (!isObject(ruleSet) || !Array.isArray(ruleSet.rules)) return findings;

  const ids = new Map<string, number>();
  ruleSet.rules.forEach((rule: unknown, index: number) => {
    if (!isObject(rule)) return;
    checkUniqueId(rule, index, ids, findings);
    new RuleChecker(rule, findings).check(['rules', index]);
  });
  return findings;
}

/** A rule id used before (ids: the first rule index of each id so far). */
function checkUniqueId(rule: Json, index: number, ids: Map<string, number>, findings: Finding[]): void {
  if (typeof rule.id !== 'string') return;
  const first = ids.get(rule.id);
  if (first === undefined) {
    ids.set(rule.id, index);
    return;
  }
  findings.push(
    error(
      ['rules', index, 'id'],
      `规则编号“${rule.id}”重复（第${first + 1}条规则已使用）。`,
      `Rule id "${rule.id}" is used twice (first by rule ${first + 1}).`,
      rule.id,
    ),
  );
}

/** What a regular expression of a rule should not be: the wording of the finding, or undefined. */
function regexProblem(value: string, mayMatchEmpty: boolean): [zh: string, en: string] | undefined {
  // An empty expression matches every text: as a forbidden pattern it flags everything, as a
  // required one it checks nothing. Almost always a mistake (an unfilled cell in a spreadsheet).
  if (value === '') {
    return [
      '正则表达式为空：空表达式匹配任何文本，请填写要匹配的内容或删除此项。',
      'The regular expression is empty: it matches any text. Write what it should match, or remove it.',
    ];
  }
  try {
    new RegExp(value, 'u');
  } catch (problem) {
    return [
      `正则表达式无法编译（u标志）：${(problem as Error).message}`,
      `The regular expression does not compile (u flag): ${(problem as Error).message}`,
    ];
  }
  // The engine runs it over every paragraph of every report: exponential backtracking would hang a run.
  const risk = backtrackingRisk(value);
  if (risk !== undefined) {
    return [
      `正则表达式可能发生灾难性回溯：重复的“${risk}”中又有可重复的部分（或可从同一字符开始的选项），且没有分隔每次重复的字符，对某些文本会耗时极长。请改写，例如去掉嵌套的 + 或 *。`,
      `The regular expression can backtrack catastrophically: the repeated "${risk}" contains a repeated part (or alternatives that can start with the same character) with no character that separates one repetition from the next, so some texts would take practically forever. Rewrite it, e.g. without the nested + or *.`,
    ];
  }
  if (!mayMatchEmpty && new RegExp(value, 'u').test('')) {
    return [
      '正则表达式可以匹配空文本，因此会在每一段文字中报告问题。请改写，使其至少匹配一个字符。',
      'The regular expression matches the empty text, so it would report every text. Rewrite it to match at least one character.',
    ];
  }
  return undefined;
}

/** The checks of one rule that need its forEach variables: pointers, messages, regular expressions. */
class RuleChecker {
  private readonly variables: Set<string>;
  private readonly known: Set<string>;

  constructor(
    private readonly rule: Json,
    private readonly findings: Finding[],
  ) {
    this.variables = new Set(isObject(rule.forEach) ? Object.keys(rule.forEach) : []);
    this.known = new Set<string>([...BUILT_IN_PLACEHOLDERS, ...this.variables]);
  }

  check(here: Path): void {
    const rule = this.rule;
    this.pointer(rule.base, [...here, 'base']);
    this.conditions(rule.when, [...here, 'when']);
    this.messages(rule.message, [...here, 'message']);
    if (!Array.isArray(rule.checks)) return;
    rule.checks.forEach((check: unknown, c: number) => {
      if (isObject(check)) this.checkEntry(check, [...here, 'checks', c]);
    });
  }

  private checkEntry(check: Json, path: Path): void {
    this.conditions(check.when, [...path, 'when']);
    this.messages(check.message, [...path, 'message']);
    if (Array.isArray(check.at)) check.at.forEach((item, i) => this.pointer(item, [...path, 'at', i]));
    else this.pointer(check.at, [...path, 'at']);
    this.pointer(check.year, [...path, 'year']);
    this.terms(check.left, [...path, 'left']);
    this.terms(check.right, [...path, 'right']);
    this.terms(check.equals, [...path, 'equals']);
    if (Array.isArray(check.cases)) {
      check.cases.forEach((item, i) => {
        if (isObject(item) && isObject(item.match))
          for (const key of Object.keys(item.match)) this.pointer(key, [...path, 'cases', i, 'match', key]);
      });
    }
    this.patterns(check, path);
  }

  private patterns(check: Json, path: Path): void {
    if (check.type === 'pattern') this.compiles(check.pattern, [...path, 'pattern']);
    if (check.type === 'characters') this.compiles(check.pattern, [...path, 'pattern'], false);
    if (check.type === 'statedCount' && Array.isArray(check.patterns))
      check.patterns.forEach((item, i) => this.compiles(item, [...path, 'patterns', i]));
    if (check.type === 'forbiddenText' && Array.isArray(check.patterns)) {
      check.patterns.forEach(
        (item, i) => isObject(item) && this.compiles(item.pattern, [...path, 'patterns', i, 'pattern'], false),
      );
    }
  }

  /** Pointers: every {name} must be a forEach variable. */
  private pointer(value: unknown, path: Path): void {
    if (typeof value !== 'string') return;
    for (const [, name] of value.matchAll(/\{([^{}]*)\}/g)) {
      if (!this.variables.has(name!)) {
        this.findings.push(
          error(
            path,
            `指针中的变量 ${name} 不是本规则 forEach 中定义的变量。`,
            `The pointer uses ${name}, which is not a forEach variable of this rule.`,
            value,
          ),
        );
      }
    }
  }

  private terms(value: unknown, path: Path): void {
    if (Array.isArray(value)) value.forEach((term, i) => this.pointer(term, [...path, i]));
  }

  private conditions(value: unknown, path: Path): void {
    if (!Array.isArray(value)) return;
    value.forEach((condition, i) => {
      if (!isObject(condition)) return;
      this.pointer(condition.present, [...path, i, 'present']);
      this.pointer(condition.absent, [...path, i, 'absent']);
      this.terms(condition.left, [...path, i, 'left']);
      this.terms(condition.right, [...path, i, 'right']);
    });
  }

  private messages(value: unknown, path: Path): void {
    if (!isObject(value)) return;
    const known = [...this.known];
    for (const language of ['zh', 'en'] as const) {
      const text = value[language];
      if (typeof text !== 'string') continue;
      for (const [, name] of text.matchAll(/\{([^{}]*)\}/g)) {
        if (this.known.has(name!)) continue;
        this.findings.push(
          // Placeholder names without their braces: the finding's own message is not a template.
          error(
            [...path, language],
            `消息使用了未定义的占位符 ${name}（可用：${known.join('、')}）。`,
            `The message uses an unknown placeholder, ${name} (known: ${known.join(', ')}).`,
            text,
          ),
        );
      }
    }
  }

  private compiles(value: unknown, path: Path, mayMatchEmpty = true): void {
    if (typeof value !== 'string') return;
    const problem = regexProblem(value, mayMatchEmpty);
    if (problem) this.findings.push(error(path, problem[0], problem[1], value));
  }
}
