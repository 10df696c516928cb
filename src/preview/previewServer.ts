/**
 * `briefs preview`: serves the built site (out/site/) to a browser on this machine and tells open
 * pages when a build has finished, so an edition reloads by itself after a save. Server-sent events,
 * no external script: the served HTML gets a few lines of inline script (allowed by a per-server
 * nonce in the page's Content-Security-Policy; the published site keeps `script-src 'none'`).
 *
 * It binds to loopback unless told otherwise and serves only files inside the site folder: paths
 * are resolved, symbolic links followed, and anything that ends up outside is refused.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface PreviewOptions {
  /** The folder served (out/site). */
  root: string;
  /** Default 127.0.0.1: a preview is for this machine. */
  host?: string;
  /** Default 0: any free port (printed by the CLI). */
  port?: number;
}

/** What open pages are told: a build wrote files, or failed (the message is shown on the page). */
export type PreviewEvent = { kind: 'built'; files: readonly string[] } | { kind: 'failed'; message: string };

export interface PreviewServer {
  readonly url: string;
  notify(event: PreviewEvent): void;
  close(): Promise<void>;
}

export const EVENTS_PATH = '/__briefs/events';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const nonce = randomBytes(16).toString('base64url');
  const clients = new Set<ServerResponse>();
  let last: PreviewEvent | undefined;

  const send = (client: ServerResponse, event: PreviewEvent) => client.write(`event: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`);

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('internal error\n');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://preview.invalid');
    if (url.pathname === EVENTS_PATH) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      // A page opened while the last build is failing shows the error at once.
      if (last?.kind === 'failed') send(response, last);
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    const file = await resolveInside(options.root, url.pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) {
      const html = withReloadScript(await readFile(file, 'utf8'), nonce);
      response.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(html) });
      response.end(request.method === 'HEAD' ? undefined : html);
      return;
    }
    response.writeHead(200, headers);
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}/`,
    notify(event) {
      last = event;
      for (const client of clients) send(client, event);
    },
    async close() {
      for (const client of clients) client.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/**
 * The file a URL path names inside `root`, or undefined: outside the root (also through `..`,
 * encoded separators or a symbolic link), missing, or not a regular file. A folder serves its
 * index.html.
 */
export async function resolveInside(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const realRoot = await realpath(root).catch(() => undefined);
  if (!realRoot) return undefined;
  let candidate = path.resolve(realRoot, `.${path.posix.normalize(`/${decoded}`)}`);
  try {
    if ((await stat(candidate)).isDirectory()) candidate = path.join(candidate, 'index.html');
    const real = await realpath(candidate);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** The page's policy allows this server's one inline script; the script listens for builds. */
export function withReloadScript(html: string, nonce: string): string {
  const policy = html.replace(/script-src 'none'/u, `script-src 'nonce-${nonce}'`);
  const script = `<script nonce="${nonce}">
(() => {
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const banner = () => {
    let box = document.getElementById('briefs-preview-error');
    if (!box) {
      box = document.createElement('pre');
      box.id = 'briefs-preview-error';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;margin:0;padding:1em;max-height:40vh;overflow:auto;background:#7a1020;color:#fff;font:14px/1.5 monospace;direction:ltr;text-align:left;white-space:pre-wrap;z-index:2147483647';
      document.body.append(box);
    }
    return box;
  };
  events.addEventListener('built', () => location.reload());
  events.addEventListener('failed', (message) => {
    banner().textContent = 'The last build failed; this page shows the previous good build.\\n\\n' + JSON.parse(message.data).message;
  });
})();
</script>`;
  return policy.includes('</body>') ? policy.replace('</body>', `${script}\n</body>`) : `${policy}\n${script}\n`;
}
