/** "Fill every total": each total the data rules compute from its terms is set to its sum. */
import { validateReport } from '@nianbao/validator';
import { fromPointer, setAt } from '../shared/doc.js';
import { validateOptionsOf } from './extensions.js';

/** The rules whose `expected` is the sum a total cell should hold (row, results and column totals). */
const TOTAL_RULES = new Set(['B-ROW', 'B-RESULTS', 'C-SUM']);

export function fillTotals(document: unknown): { document: unknown; filled: number } {
  let doc = document;
  let filled = 0;
  // Totals feed other totals (a row total is a term of a column total): repeat until none moves.
  for (let pass = 0; pass < 6; pass++) {
    const edits = validateReport(doc, validateOptionsOf(doc)).findings.filter(
      (finding) => TOTAL_RULES.has(finding.ruleId) && typeof finding.expected === 'number',
    );
    if (edits.length === 0) break;
    for (const finding of edits) doc = setAt(doc, fromPointer(finding.pointer), finding.expected);
    filled += edits.length;
  }
  return { document: doc, filled };
}
