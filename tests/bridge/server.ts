// The loopback test bridge: serves the built renderer and the same contract over HTTP on
// 127.0.0.1, dispatching to the real core. Browser tests drive the real UI through it.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { type Core } from '../../src/main/core/core';
import { openCore } from '../../src/main/app';
import { warmAfterChanges } from '../../src/main/core/warm-reads';
import type { Dispatch } from '../../src/main/core/handlers';
import { createDispatch } from '../../src/main/dispatch';
import { folderPlatform } from '../../src/main/platform/platform';
import { guardPlatform } from '../../src/main/platform/guarded-platform';
import { decodeWire, encodeWire } from '../../src/shared/wire';
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp';

export interface Bridge {
  url: string;
  core: Core;
  exportDir: string;
  /** What the next "choose a file to open" dialog answers (a real dialog in the app). */
  setNextOpenPath(file: string | null): void;
  /** Files the app asked the system to open. */
  opened: string[];
  /** A call as the page makes it (through the same dispatch: a change here is seen as the page's). */
  call: Dispatch;
  /** Resolves when the reads taken again after a change are ready (core/warm-reads.ts). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const MAX_BODY = 64 * 1024 * 1024;

export async function startBridge(opts: {
  dbPath: string;
  exportDir: string;
  rendererDir?: string;
  port?: number;
}): Promise<Bridge> {
  const rendererDir = path.resolve(opts.rendererDir ?? 'out/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    throw new Error(`Renderer not built: ${rendererDir} (run electron-vite build)`);
  fs.mkdirSync(opts.exportDir, { recursive: true });
  let nextOpenPath: string | null = null;
  const opened: string[] = [];
  const platform = folderPlatform(opts.exportDir, { nextOpenPath: () => nextOpenPath, opened });
  const core = await openCore({
    dbPath: opts.dbPath,
    platform: guardPlatform(platform, { dbPath: opts.dbPath, dataDir: path.dirname(opts.dbPath) }),
    version: 'bridge',
  });
  // as the app's window does: kept reads taken again when idle after a change
  const warm = warmAfterChanges(
    core,
    createDispatch(core, (m, e) => console.error(m, e)),
  );
  const dispatch = warm.dispatch;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', () => {
        let args: unknown;
        try {
          args = decodeWire(Buffer.concat(chunks).toString('utf8'));
        } catch {
          args = Symbol('bad-json');
        }
        void dispatch(decodeURIComponent(url.pathname.slice(5)), args).then((result) => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(encodeWire(result));
        });
      });
      return;
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, rel);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    core,
    exportDir: opts.exportDir,
    setNextOpenPath(file) {
      nextOpenPath = file;
    },
    opened,
    call: (method, args) => dispatch(method, args),
    settled: () => warm.settled(),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await warm.stop();
      await core.close();
    },
  };
}
