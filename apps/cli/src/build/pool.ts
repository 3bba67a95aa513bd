/**
 * A fixed pool of worker threads for batch builds: each worker loads the renderers (and the PDF fonts)
 * once and builds one report at a time; the main thread hands out the next input as soon as a worker
 * is free and writes the results, so all file writes (and their clean-up on a signal) stay in one place.
 */
import { Worker } from 'node:worker_threads';

export interface PoolTask<T> {
  input: T;
}

export interface WorkerPool<In, Out> {
  run(input: In): Promise<Out>;
  close(): Promise<void>;
  /** Stops every worker at once (interrupted build); pending runs reject. */
  terminate(): Promise<void>;
}

interface Job<In, Out> {
  input: In;
  resolve: (value: Out) => void;
  reject: (error: Error) => void;
}

export function createWorkerPool<In, Out>(workerUrl: URL, size: number, workerData?: unknown): WorkerPool<In, Out> {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job<In, Out>>();
  const queue: Job<In, Out>[] = [];
  const workers: Worker[] = [];
  let closed = false;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage(job.input);
    }
  };

  const spawn = () => {
    const worker = new Worker(workerUrl, { workerData });
    worker.on('message', (result: Out) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      job?.resolve(result);
      dispatch();
    });
    worker.on('error', (error) => {
      // A crashed worker fails its own report only: replace it and go on with the others.
      const job = busy.get(worker);
      busy.delete(worker);
      workers.splice(workers.indexOf(worker), 1);
      job?.reject(error instanceof Error ? error : new Error(String(error)));
      if (!closed) {
        spawn();
        dispatch();
      }
    });
    workers.push(worker);
    idle.push(worker);
  };

  for (let i = 0; i < Math.max(1, size); i++) spawn();

  return {
    run(input) {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
    async terminate() {
      closed = true;
      const interrupted = new Error('build interrupted');
      for (const job of [...queue, ...busy.values()]) job.reject(interrupted);
      queue.length = 0;
      busy.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
