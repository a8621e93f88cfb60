/**
 * A pure computation run in a dedicated Web Worker, one worker per run, ended as soon as it answers:
 * the dashboard's long computations (the audience analysis, the sales figures) stay off the UI thread.
 */

export type WorkerAnswer<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Run<T> {
  result: Promise<T>;
  /** Stops a run whose answer is no longer wanted (newer data, the view closed). */
  cancel: () => void;
}

/** The UI side: posts `input` to a new worker and waits for its answer. */
export function runInWorker<I, O>(worker: Worker, input: I): Run<O> {
  const result = new Promise<O>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerAnswer<O>>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.value);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
  });
  worker.postMessage(input);
  return { result, cancel: () => worker.terminate() };
}

/** The worker side: the answer to one message, an error as a message rather than a dead worker. */
export async function answerOf<I, O>(
  compute: (input: I) => O | Promise<O>,
  input: I,
): Promise<WorkerAnswer<O>> {
  try {
    return { ok: true, value: await compute(input) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
