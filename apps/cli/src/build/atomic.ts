/**
 * Atomic output, from @nianbao/outputs (shared with the publishing app): every file is written to a
 * temporary name in its final folder, then renamed. The package is ES modules and the CLI bundle is
 * CommonJS, so it is import()ed on first use; the signal handler's synchronous clean-up goes through
 * the copy already loaded (nothing is pending before it is).
 */
import type { OutputFile } from '@nianbao/outputs';

export type { OutputFile };

let outputs: typeof import('@nianbao/outputs') | undefined;
const load = async () => {
  outputs ??= await import('@nianbao/outputs');
  return outputs;
};

/** Writes all files into `dir`; each final name appears only complete. On failure no temp file stays. */
export async function writeFilesAtomically(dir: string, files: readonly OutputFile[]): Promise<void> {
  await (await load()).writeFilesAtomically(dir, files);
}

/** Removes the temporary files this process has not renamed yet (signal handlers call it). */
export function removePendingTempFilesSync(unlinkSync: (path: string) => void): void {
  outputs?.removePendingTempFilesSync(unlinkSync);
}

/** Removes temporary files left in `dir` by a process that was killed outright (SIGKILL, power loss). */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  await (await load()).removeStaleTempFiles(dir);
}
