/**
 * What the document says about a row beyond its table's own sums, for a row whose glued digits still
 * split in several ways that keep them: the counts its text states for one cell (本年度制发的规范性文件88件,
 * 现行有效行政规范性文件698件: the single-cell statements of the edition's rules, T-TEXT) and, given last
 * year's report, the cross-year equalities (X-VALID: 现行有效 = last year's + 制发 − 废止).
 *
 * Such evidence is weaker than the table's own arithmetic (the corpus has reports whose text or carry-over
 * is wrong), so it only ever chooses among the splits the arithmetic left: a row is placed when exactly
 * one of them agrees with ALL the evidence about the row; when none does, the evidence contradicts itself
 * or the table (the validator reports that) and the row stays unplaced.
 */
import { type Edition, readWrittenNumber, rulesFor } from '@nianbao/template';
import { holds, type LocalEquality } from './glued-solve.js';
import type { Equality, Operand } from './table-sums.js';

/** A count the text states for one table cell. */
export interface Statement {
  pointer: string;
  value: number;
  /** The statement as written (本年度制发的规范性文件88件). */
  text: string;
  rule: string;
}

interface RuleShape {
  id: string;
  checks?: { type: string; patterns?: string[]; equals?: Operand[] }[];
}

const rulesOf = (edition: Edition) => rulesFor(edition).rules as unknown as RuleShape[];

/** A statement's expression as the validator compiles it (u flag); one that does not compile matches nothing. */
function compiled(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'gu');
  } catch {
    return /(?!)/g;
  }
}

/**
 * The single-cell counts `text` states, by the edition's statedCount checks. A cell stated twice with two
 * values is left out: the text disagrees with itself.
 */
export function statedCounts(edition: Edition, text: string): Statement[] {
  const byPointer = new Map<string, Statement[]>();
  for (const rule of rulesOf(edition)) {
    for (const check of rule.checks ?? []) {
      if (check.type !== 'statedCount' || check.equals?.length !== 1) continue;
      const pointer = check.equals[0];
      if (typeof pointer !== 'string' || !pointer.startsWith('/')) continue;
      for (const pattern of check.patterns ?? []) {
        for (const match of text.matchAll(compiled(pattern))) {
          const written = match.groups?.n;
          const value = written === undefined ? undefined : readWrittenNumber(written);
          if (value === undefined) continue;
          const statement = { pointer, value: Number(value), text: match[0].trim(), rule: rule.id };
          byPointer.set(pointer, [...(byPointer.get(pointer) ?? []), statement]);
        }
      }
    }
  }
  return [...byPointer.values()].flatMap((statements) =>
    statements.every((s) => s.value === statements[0]!.value) ? [statements[0]!] : [],
  );
}

/** The evidence as equalities: a stated count is `cell − value = 0`. */
export function evidenceEqualities(statements: Statement[], carry: Equality[]): Equality[] {
  return [
    ...statements.map((s) => ({
      rule: s.rule,
      terms: [{ pointer: s.pointer, coefficient: 1 }],
      constant: -s.value,
      source: `「${s.text}」`,
    })),
    ...carry.map((e) => ({ ...e, source: `上年报告（${e.rule}）` })),
  ];
}

/**
 * The splits of a row (cells named by `pointers`) that agree with every piece of evidence about it; the
 * splits unchanged when no evidence is about the row (`used` empty).
 */
export function agreeingSplits(
  pointers: string[],
  splits: string[][],
  evidence: Equality[],
): { splits: string[][]; used: Equality[] } {
  const column = new Map(pointers.map((pointer, index) => [pointer, index]));
  const used = evidence.filter((e) => e.terms.length > 0 && e.terms.every((term) => column.has(term.pointer)));
  if (used.length === 0) return { splits, used };
  const local: LocalEquality[] = used.map((e) => {
    const terms = e.terms.map((term) => ({ column: column.get(term.pointer)!, coefficient: term.coefficient }));
    return { terms, constant: e.constant, last: Math.max(...terms.map((t) => t.column)) };
  });
  return { splits: splits.filter((split) => local.every((equality) => holds(equality, split))), used };
}
