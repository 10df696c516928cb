/**
 * Worker-thread entry: draws page-1 thumbnails for the build on the second core while the main
 * thread typesets the next brief. Messages in: { id, pdf, width }; out: { id, png } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { renderFirstPageThumbnail } from './thumbnail.js';

export interface ThumbnailRequest {
  id: number;
  pdf: Uint8Array;
  width: number;
}

export type ThumbnailReply =
  | { id: number; png: { bytes: Uint8Array; width: number; height: number } }
  | { id: number; error: string };

// Requests are drawn one at a time, in the order they came: one PDFium instance, whose start (the
// first request's) the others wait for.
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (request: ThumbnailRequest) => {
  queue = queue.then(async () => {
    let reply: ThumbnailReply;
    try {
      reply = { id: request.id, png: await renderFirstPageThumbnail(request.pdf, request.width) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply, 'png' in reply ? [reply.png.bytes.buffer as ArrayBuffer] : []);
  });
});
