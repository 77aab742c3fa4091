/**
 * Runs the Playwright suite on a port nobody else holds, so two copies of `npm test` (two
 * checkouts, or a suite beside a running game) never fight over the preview server's port.
 * A port given as PW_PORT is kept; any arguments pass through to `playwright test`.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

const port = process.env.PW_PORT ?? String(await freePort());
const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PW_PORT: port },
});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
