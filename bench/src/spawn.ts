/** Child processes for cold measurements: a fresh Node per sample, as the CLI sees it. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildRun<T> {
  /** Spawn to exit, ms. */
  wallMs: number;
  code: number | null;
  /** The child's last stdout line parsed as JSON (children report their own timings that way). */
  result: T | undefined;
  stdout: string;
  stderr: string;
}

export function childScript(name: string): string {
  return fileURLToPath(new URL(`./children/${name}.js`, import.meta.url));
}

export function runProcess<T = unknown>(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; onSpawn?: (pid: number) => void } = {},
): Promise<ChildRun<T>> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      let result: T | undefined;
      const last = stdout.trim().split('\n').pop();
      try {
        result = last ? (JSON.parse(last) as T) : undefined;
      } catch {
        result = undefined;
      }
      resolve({ wallMs, code, result, stdout, stderr });
    });
  });
}

/** Runs one of our child scripts with the current Node binary. */
export function runChild<T>(
  name: string,
  args: readonly string[],
  nodeArgs: readonly string[] = [],
): Promise<ChildRun<T>> {
  return runProcess<T>(process.execPath, [...nodeArgs, childScript(name), ...args]);
}

/** Like runChild, but a failed child is an error with its stderr. */
export async function runChildOk<T>(
  name: string,
  args: readonly string[],
  nodeArgs: readonly string[] = [],
): Promise<ChildRun<T> & { result: T }> {
  const run = await runChild<T>(name, args, nodeArgs);
  if (run.code !== 0 || run.result === undefined)
    throw new Error(`child ${name} ${args.join(' ')} failed (exit ${run.code}): ${run.stderr.trim().slice(-2000)}`);
  return run as ChildRun<T> & { result: T };
}
