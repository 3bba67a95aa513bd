// Wires the process to main() and turns anything unexpected into one line and exit 2 (loaded by ./bin.ts).
import { findLang, main } from './main.js';
import { colorEnabled, EXIT } from './output.js';

const env = process.env;
const debug = env.NIANBAO_DEBUG !== undefined && env.NIANBAO_DEBUG !== '' && env.NIANBAO_DEBUG !== '0';
const language = findLang(process.argv.slice(2));
const zh = !(language.ok && language.lang === 'en');

function internalError(error: unknown): void {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
  process.stderr.write(
    zh
      ? `nianbao: 内部错误：${reason}。这是 nianbao 的缺陷，请连同所用文件报告给维护者（设置 NIANBAO_DEBUG=1 可显示详细信息）。\n`
      : `nianbao: internal error: ${reason}. This is a bug in nianbao; please report it with the file you used (set NIANBAO_DEBUG=1 for details).\n`,
  );
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = EXIT.FAILURE;
}

process.on('uncaughtException', (error) => {
  internalError(error);
  process.exit(EXIT.FAILURE);
});
process.on('unhandledRejection', (error) => {
  internalError(error);
  process.exit(EXIT.FAILURE);
});
// A closed pipe (`nianbao validate r.yaml | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
  internalError(error);
  process.exit(EXIT.FAILURE);
});

main(process.argv.slice(2), {
  stdout: { write: (text) => void process.stdout.write(text), color: colorEnabled(process.stdout, env) },
  stderr: { write: (text) => void process.stderr.write(text), color: colorEnabled(process.stderr, env) },
  env,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
    exitAfterOutput(code);
  },
  (error: unknown) => internalError(error),
);

/**
 * Exits once everything written has reached stdout and stderr. Letting the process end by itself
 * would first tear down the whole JavaScript heap (the libraries, the report), which costs a
 * `nianbao validate` several milliseconds of its start-to-exit time for nothing.
 */
function exitAfterOutput(code: number): void {
  let pending = 2;
  const flushed = () => {
    if (--pending === 0) process.exit(code);
  };
  // A write's callback runs after every earlier write on that stream is done (or has failed).
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}
