import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENTS_PATH, startPreview, type PreviewServer } from '../../src/preview/previewServer.js';

let root: string;
let site: string;
let server: PreviewServer;

const page = `<!doctype html><html lang="ar" dir="rtl"><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; object-src 'none'">
<title>x</title></head><body><h1>سجل</h1></body></html>`;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'briefs-preview-'));
  site = path.join(root, 'site');
  await mkdir(path.join(site, 'sub'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), page);
  await writeFile(path.join(site, 'history.pdf'), '%PDF-1.7 fake');
  await writeFile(path.join(root, 'secret.txt'), 'outside the site');
  await symlink(path.join(root, 'secret.txt'), path.join(site, 'link.txt'));
  server = await startPreview({ root: site });
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

/** A raw GET (no URL normalisation by the client, so `..` reaches the server as written). */
function get(rawPath: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('briefs preview: the server', () => {
  it('listens on loopback only, on the port it reports', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the site, a folder as its index.html, each file with its type', async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get('/history.pdf')).toMatchObject({ status: 200, type: 'application/pdf', body: '%PDF-1.7 fake' });
  });

  it('serves nothing outside the site folder: no .. (plain or encoded), no symbolic link out, no missing file', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/link.txt', '/nope.html', '/%00']) {
      expect({ attempt, ...(await get(attempt)) }).toMatchObject({ attempt, status: 404 });
    }
  });

  it('adds its reload script to pages, allowed by a nonce in the page policy (no external script)', async () => {
    const { body } = await get('/');
    const nonce = /script-src 'nonce-([\w-]+)'/.exec(body)?.[1];
    expect(nonce).toBeDefined();
    expect(body).toContain(`<script nonce="${nonce}">`);
    expect(body).toContain(EVENTS_PATH);
    expect(body).not.toMatch(/<script[^>]+src=/);
    expect(body).not.toContain("script-src 'none'");
  });

  it('tells open pages when a build finished or failed (server-sent events)', async () => {
    const { hostname, port } = new URL(server.url);
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ hostname, port, path: EVENTS_PATH }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected') && !text.includes('event:')) {
            server.notify({ kind: 'failed', message: 'data/events.yaml:3:5 events[0].date: must be a date' });
            server.notify({ kind: 'built', files: ['history.pdf'] });
          }
          if (text.includes('event: built')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: failed\ndata: {"kind":"failed","message":"data/events.yaml:3:5 events[0].date: must be a date"}');
    expect(received).toContain('event: built\ndata: {"kind":"built","files":["history.pdf"]}');
  });
});
