// Builds the Node entry points (CLI, worker_threads worker, benchmark) to build/ as ES modules, and copies the wasm
// core beside them: Node 20 cannot run .ts, so `npm ci` (prepare) leaves compiled JavaScript for bin/minerisk.js.
import { defineConfig } from 'vite';
import { copyFileSync, mkdirSync } from 'node:fs';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'build',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: { cli: 'src/cli/main.ts', 'node-worker': 'src/engine/node-worker.ts', bench: 'bench/bench.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: { noExternal: ['comlink', 'valibot'] },
  plugins: [{
    name: 'copy-wasm',
    writeBundle() {
      mkdirSync('build', { recursive: true });
      copyFileSync('src/wasm/minerisk.wasm', 'build/minerisk.wasm');
    },
  }],
});
