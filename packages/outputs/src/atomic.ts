/**
 * Atomic output: every file is written to a temporary name in its final folder, then renamed over
 * the final name, so a reader (or an interrupted build) never sees a half-written file. Temporary
 * names are tracked so a SIGINT/SIGTERM handler can remove them; a stale one from a killed process is
 * recognisable by its marker and removed by the next build of the same folder. The name holds the
 * writing process's id: a temporary file of a build still running (two builds into one folder) is
 * left alone.
 */
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { OutputFile } from './render.js';

export const TEMP_MARKER = '.nianbao-tmp-';
const pending = new Set<string>();

async function writeTemp(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes all files into `dir`; each final name appears only complete. On failure no temp file stays. */
export async function writeFilesAtomically(dir: string, files: readonly OutputFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const staged: { temp: string; final: string }[] = [];
  try {
    for (const file of files) {
      const temp = join(dir, `${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}-${file.name}`);
      pending.add(temp);
      staged.push({ temp, final: join(dir, file.name) });
      await writeTemp(temp, file.data);
    }
    // Renames come last, after every file is complete, so the set is replaced as closely together as the file system allows.
    for (const { temp, final } of staged) {
      await rename(temp, final);
      pending.delete(temp);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => unlink(temp).catch(() => undefined)));
    for (const { temp } of staged) pending.delete(temp);
    throw error;
  }
}

/** Removes the temporary files this process has not renamed yet (signal handlers call it). */
export function removePendingTempFilesSync(unlinkSync: (path: string) => void): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** The id of the process that wrote a temporary file, from its name (`.nianbao-tmp-<pid>-<hex>-<name>`). */
export function writerOf(name: string): number | undefined {
  const match = /^(\d+)-/.exec(name.slice(TEMP_MARKER.length));
  return match ? Number(match[1]) : undefined;
}

/** Whether a process with this id exists (EPERM: it exists but belongs to someone else). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files left in `dir` by a process that was killed outright (SIGKILL, power loss).
 * Those of a process still running are another build's files in the making: they stay.
 */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const stale = names.filter((name) => {
    if (!name.startsWith(TEMP_MARKER)) return false;
    const pid = writerOf(name);
    return pid === undefined || (pid !== process.pid && !isRunning(pid));
  });
  await Promise.all(stale.map((name) => unlink(join(dir, name)).catch(() => undefined)));
}
