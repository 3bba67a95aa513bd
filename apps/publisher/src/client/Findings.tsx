/** The findings list: every verdict of the validator, each a button that focuses its place. */
import type { Finding } from '@nianbao/validator';
import { focusPointer } from './context.js';
import { useWords } from './i18n.js';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function Findings({ findings }: { findings: readonly Finding[] }) {
  const { t, lang } = useWords();
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  return (
    <section className="findings" aria-labelledby="findings-h">
      <h2 id="findings-h">
        {t.findings}（{t.errors} {errors}，{t.warnings} {warnings}）
      </h2>
      <p className="sr-only" aria-live="polite">
        {t.errors} {errors}，{t.warnings} {warnings}
      </p>
      {sorted.length === 0 ? (
        <p>{t.noFindings}</p>
      ) : (
        <ul>
          {sorted.map((finding, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: findings of one run are listed in a stable order
            <li key={index} className={`finding-${finding.severity}`}>
              <button type="button" className="finding" onClick={() => focusPointer(finding.pointer)}>
                <strong>{t[finding.severity]}</strong> <code>{finding.ruleId}</code>{' '}
                {[finding.section, ...(finding.row ?? []), ...(finding.column ?? [])].filter(Boolean).join(' › ')}
                {finding.section || finding.row ? '：' : ''}
                {finding.message[lang]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
