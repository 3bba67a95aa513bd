/** A target of the benchmark issue and what was measured against it. */
export interface TargetCheck {
  suite: string;
  what: string;
  target: string;
  measured: string;
  pass: boolean;
}

export const fmtMs = (ms: number): string =>
  `${ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3)} ms`;
export const fmtUs = (ms: number): string => `${(ms * 1000).toFixed(ms * 1000 >= 100 ? 0 : 1)} µs`;
export const fmtTime = (ms: number): string => (ms < 1 ? fmtUs(ms) : fmtMs(ms));
export const fmtRate = (perSec: number): string =>
  `${perSec >= 100 ? Math.round(perSec).toLocaleString('en-US') : perSec.toFixed(1)}/s`;
export const fmtRatio = (ratio: number): string => `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
/** File sizes in kB / MB (powers of 1000, as the targets are written); memory is shown in MiB elsewhere. */
export const fmtBytes = (bytes: number): string =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
