/**
 * Thumbnails drawn while the build goes on: PDFium rasterising on a worker thread, so the main thread
 * never waits on it while it typesets the next brief. The bytes are those of renderFirstPageThumbnail,
 * which the worker calls; when the compiled worker is not there (tests running the TypeScript
 * sources), the thumbnails are drawn in-process. Either way a failure says "thumbnail:".
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Png } from './thumbnail.js';
import type { ThumbnailReply, ThumbnailRequest } from './thumbnailWorker.js';

export interface Thumbnailer {
  /** Starts drawing page 1 of `pdf`; the PDF bytes are copied, the caller keeps its own. */
  draw(pdf: Uint8Array, width: number): Promise<Png>;
  /** Stops the worker; pending drawings are rejected. Safe to call twice. */
  close(): Promise<void>;
}

const workerFile = fileURLToPath(new URL('./thumbnailWorker.js', import.meta.url));

export function startThumbnailer(): Thumbnailer {
  if (!existsSync(workerFile)) {
    let closedHere = false;
    return {
      async draw(pdf, width) {
        if (closedHere) throw new Error('thumbnailer closed');
        try {
          return await (await import('./thumbnail.js')).renderFirstPageThumbnail(pdf, width);
        } catch (error) {
          throw new Error(`thumbnail: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      },
      async close() {
        closedHere = true;
      },
    };
  }
  // A small young generation: the worker waits on the main thread anyway, and the build's peak
  // memory is what a CI runner feels (measured with pdf.js: ~13 MB less peak RSS; with PDFium, whose
  // memory is the wasm heap, 5 alternating builds gave 279 against 268 MB median, within their spread
  // of 248–282 MB, and the same CPU: kept, not proven to help any more).
  const worker = new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  const pending = new Map<number, { resolve: (png: Png) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let closed = false;
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: ThumbnailReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if ('png' in reply) waiting?.resolve(reply.png);
    else waiting?.reject(new Error(`thumbnail: ${reply.error}`));
  });
  // A worker that died answers nothing more: later drawings fail at once instead of waiting forever.
  let stopped: Error | undefined;
  worker.on('error', (error) => {
    stopped = error;
    failAll(error);
  });
  worker.on('exit', () => {
    stopped ??= new Error('thumbnail worker stopped');
    failAll(stopped);
  });
  return {
    draw(pdf, width) {
      if (closed) return Promise.reject(new Error('thumbnailer closed'));
      if (stopped) return Promise.reject(stopped);
      const id = nextId++;
      const copy = new Uint8Array(pdf);
      const request: ThumbnailRequest = { id, pdf: copy, width };
      return new Promise<Png>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(request, [copy.buffer]);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await worker.terminate();
    },
  };
}
