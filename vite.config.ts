/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** The first screen's JavaScript may weigh at most this much, gzipped. */
const INITIAL_JS_BUDGET_KB = 350;
/** Modules start-up imports dynamically before the inbox can show (see src/app/campaign.ts). */
const STARTUP_MODULES = ['levels/campaign.ts', 'src/model/load.ts'];

/**
 * Prints the gzip size of the JavaScript the first screen loads: the entry chunk and every
 * chunk it imports statically. Chunks behind `import()` (the run view, ELK, the campaign)
 * are listed apart: they load later, or never.
 */
function reportInitialSize(): Plugin {
  return {
    name: 'loopwork:initial-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((item) =>
          item.type === 'chunk' ? [[item.fileName, item] as const] : [],
        ),
      );
      const initial = new Set<string>();
      const visit = (name: string): void => {
        const chunk = chunks.get(name);
        if (!chunk || initial.has(name)) return;
        initial.add(name);
        chunk.imports.forEach(visit);
      };
      for (const chunk of chunks.values())
        if (chunk.isEntry && chunk.facadeModuleId?.endsWith('.html') !== false)
          visit(chunk.fileName);
      const gz = (code: string): number => gzipSync(code, { level: 9 }).length;
      const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
      let total = 0;
      const lines: string[] = [];
      for (const name of initial) {
        const size = gz(chunks.get(name)!.code);
        total += size;
        lines.push(`    ${name.padEnd(48)} ${kb(size).padStart(10)}`);
      }
      const lazy = [...chunks.values()]
        .filter((c) => !initial.has(c.fileName))
        .map((c) => [c.fileName, gz(c.code)] as const)
        .sort((a, b) => b[1] - a[1]);
      const verdict = total / 1024 <= INITIAL_JS_BUDGET_KB ? 'within' : 'OVER';
      // The inbox also needs the campaign, which start-up imports right after the first paint.
      const startup = lazy.filter(([name]) =>
        chunks.get(name)!.moduleIds.some((id) => STARTUP_MODULES.some((m) => id.endsWith(m))),
      );
      const firstScreen = total + startup.reduce((sum, [, size]) => sum + size, 0);
      console.log(
        [
          '',
          `Initial JS (gzip): ${kb(total)} — ${verdict} the ${INITIAL_JS_BUDGET_KB} KB budget`,
          ...lines,
          `  With the campaign loaded at start-up, the inbox needs ${kb(firstScreen)} in all.`,
          '  Loaded later, on demand (gzip):',
          ...lazy
            .slice(0, 8)
            .map(([name, size]) => `    ${name.padEnd(48)} ${kb(size).padStart(10)}`),
          ...(lazy.length > 8
            ? [
                `    … and ${lazy.length - 8} smaller chunks, ${kb(lazy.slice(8).reduce((sum, [, size]) => sum + size, 0))} in all`,
              ]
            : []),
          '',
        ].join('\n'),
      );
    },
  };
}

/** Every file under a folder, as paths relative to it with forward slashes. */
function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? listFiles(root, path)
      : [relative(root, path).split(sep).join('/')];
  });
}

/**
 * Writes dist/sw.js from src/workers/sw-template.js with the list of every built file to
 * cache and a digest of their contents, so each release gets its own cache.
 */
function serviceWorker(): Plugin {
  let outDir = 'dist';
  let written = false;
  return {
    name: 'loopwork:service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      written = true;
    },
    closeBundle() {
      // Also called after a failed build: then there is nothing to list.
      if (!written) return;
      const files = listFiles(outDir)
        .filter((f) => !f.endsWith('.map') && f !== 'sw.js')
        .sort();
      const digest = createHash('sha256');
      for (const file of files) digest.update(file).update(readFileSync(join(outDir, file)));
      const template = readFileSync('src/workers/sw-template.js', 'utf8');
      const source = template
        .replace('__VERSION__', digest.digest('hex').slice(0, 16))
        .replace('__PRECACHE__', JSON.stringify(['./', ...files]));
      writeFileSync(join(outDir, 'sw.js'), source);
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [reportInitialSize(), serviceWorker()],
  resolve: {
    // elkjs's node entry probes for worker threads with require(); the browser build is self-contained.
    alias: [{ find: /^elkjs$/, replacement: 'elkjs/lib/elk.bundled.js' }],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
