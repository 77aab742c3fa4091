/**
 * Node side of the view lab: builds src/view/bench/index.html with the game's Vite
 * config into a temporary folder (the game's own dist/ stays as it is) and serves it on
 * 127.0.0.1, for the browser tests and `npm run bench:view`.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRY = 'src/view/bench/index.html';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wav': 'audio/wav',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export interface Lab {
  /** URL of the lab page; add a query string to pick what it shows. */
  readonly url: string;
  close(): Promise<void>;
}

function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://lab').pathname);
      const file = normalize(join(dir, path));
      if (!file.startsWith(dir + sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        createReadStream(file).pipe(response);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** Builds the lab and serves it; `close()` stops the server and removes the build. */
export async function startLab(): Promise<Lab> {
  const outDir = await mkdtemp(join(tmpdir(), 'loopwork-lab-'));
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: { input: { lab: resolve(ROOT, ENTRY) } },
    },
  });
  const server = await serve(outDir);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/${ENTRY}`,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
