/**
 * Batch progress on stderr: a one-line bar redrawn in place on a terminal, one plain line per report
 * otherwise (CI logs, pipes), so a log shows every outcome and a terminal is not flooded.
 */
export interface ProgressReporter {
  report(outcome: { path: string; ok: boolean; detail?: string }): void;
  finish(): void;
}

export function createProgress(
  total: number,
  stream: NodeJS.WriteStream,
  labels: { built: string; failed: string },
): ProgressReporter {
  let done = 0;
  let failed = 0;
  const interactive = stream.isTTY === true && total > 1;
  const width = 30;
  const draw = () => {
    const filled = Math.round((done / total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    stream.write(`\r${bar} ${done}/${total}  ${labels.built} ${done - failed}  ${labels.failed} ${failed}`);
  };
  return {
    report({ path, ok, detail }) {
      done++;
      if (!ok) failed++;
      if (interactive) draw();
      else stream.write(`${ok ? 'ok' : 'FAILED'}  ${path}${detail ? `  ${detail}` : ''}\n`);
    },
    finish() {
      if (interactive) stream.write('\n');
    },
  };
}
