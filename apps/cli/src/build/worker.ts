/** Worker thread of a batch build: builds one report per message and posts the result back. */
import { parentPort } from 'node:worker_threads';
import { buildReport, type BuildRequest, type BuildResult } from './report-build.js';

parentPort!.on('message', (request: BuildRequest) => {
  buildReport(request).then(
    (result) => {
      // Transfer the rendered bytes instead of copying them.
      // Only whole buffers: a view into a shared pool (small Buffers) must be copied, not detached.
      const transfer =
        result.status === 'built'
          ? result.files.flatMap((file) =>
              typeof file.data !== 'string' &&
              file.data.byteOffset === 0 &&
              file.data.byteLength === file.data.buffer.byteLength
                ? [file.data.buffer as ArrayBuffer]
                : [],
            )
          : [];
      parentPort!.postMessage(result, transfer);
    },
    (error: unknown) => {
      const failed: BuildResult = {
        status: 'failed',
        reason: `${request.path}: internal error: ${error instanceof Error ? error.message : String(error)}`,
      };
      parentPort!.postMessage(failed);
    },
  );
});
