/** 2. HTML render per report, warm, on one core (this process is single-threaded). */
import { renderHtmlFragment, renderHtmlPage } from '@nianbao/render-html';
import type { BenchReport } from '../data.js';
import { groupFigures, measureWarm, type GroupFigures } from '../measure.js';
import { table } from '../table.js';
import { fmtBytes, fmtRate, fmtTime, type TargetCheck } from '../targets.js';

export const PAGE = 'renderHtmlPage';
export const FRAGMENT = 'renderHtmlFragment';
const TARGET_PER_SEC = 20_000;

export interface HtmlResult {
  warm: Record<string, Record<string, GroupFigures>>;
  bytes: Record<string, number>;
  targets: TargetCheck[];
}

export function htmlSuite(
  reports: readonly BenchReport[],
  options: { rounds: number; warmup: number },
): { result: HtmlResult; text: string } {
  const warm = groupFigures(
    measureWarm(
      [
        { name: PAGE, run: (r) => renderHtmlPage(r.report) },
        { name: FRAGMENT, run: (r) => renderHtmlFragment(r.report) },
      ],
      reports,
      options,
    ),
    reports,
  );
  const bytes = Object.fromEntries(
    reports.filter((r) => r.group === 'example').map((r) => [r.name, Buffer.byteLength(renderHtmlPage(r.report))]),
  );
  const targets: TargetCheck[] = Object.entries(warm)
    .filter(([group]) => !group.startsWith('generated 20'))
    .map(([group, byContender]) => ({
      suite: 'html',
      what: `warm page render, ${group}`,
      target: `≥ ${TARGET_PER_SEC.toLocaleString('en-US')} reports/s on one core`,
      measured: `${fmtRate(byContender[PAGE]!.opsPerSec)} (median ${fmtTime(byContender[PAGE]!.median)})`,
      pass: byContender[PAGE]!.opsPerSec >= TARGET_PER_SEC,
    }));
  const rows = Object.entries(warm).flatMap(([group, byContender]) =>
    Object.entries(byContender).map(([name, f]) => [
      group,
      name,
      fmtRate(f.opsPerSec),
      fmtTime(f.median),
      fmtTime(f.p95),
    ]),
  );
  const text = [
    '### 2. HTML render, warm (one core)',
    table(['reports', 'function', 'reports/s', 'median', 'p95'], rows),
    '',
    `Page size: ${Object.entries(bytes)
      .map(([name, size]) => `${name} ${fmtBytes(size)}`)
      .join(', ')}`,
  ].join('\n');
  return { result: { warm, bytes, targets }, text };
}
