/** Memory of a process tree from /proc (Linux). Worker threads share their process's address space, so a process's VmRSS covers its workers. */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcMemory {
  /** Resident set now, KiB. */
  rssKiB: number;
  /** Peak resident set (VmHWM), KiB. */
  hwmKiB: number;
  threads: number;
}

export function procMemory(pid: number): ProcMemory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined; // exited
  }
  const field = (name: string) => Number(new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssKiB: field('VmRSS'), hwmKiB: field('VmHWM'), threads: field('Threads') };
}

/** Parent pid of every process, read from /proc/<pid>/stat. */
function parentMap(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // the process exited while we listed /proc
    }
  }
  return parents;
}

/** `root` and all its descendants. */
export function processTree(root: number): number[] {
  const parents = parentMap();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parents) if (parent === tree[i] && !tree.includes(pid)) tree.push(pid);
  }
  return tree;
}

/**
 * Memory of `root`'s process tree, KiB (e.g. Chromium's browser, GPU, renderer and utility
 * processes): the sum of PSS (shared pages divided among their sharers, so the sum does not count
 * the shared Chromium binary once per process) and, for comparison, the sum of RSS.
 */
export function treeMemoryKiB(root: number): { pss: number; rss: number } {
  let pss = 0;
  let rss = 0;
  for (const pid of processTree(root)) {
    rss += procMemory(pid)?.rssKiB ?? 0;
    try {
      pss += Number(/^Pss:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // exited, or no smaps_rollup (old kernel)
    }
  }
  return { pss, rss };
}
