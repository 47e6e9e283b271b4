import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * The renderer's build: one page (index.html) whose role views are lazy chunks, so that a parent's first visit
 * loads only the shell, the sign-in screen and the parent's view. JSX goes through vite's own oxc transform.
 */
export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: `${repo}dist-renderer`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 300,
    // board.html: the board's own page, for its browser tests and benchmarks.
    // presenter.html: the presenter view of a lesson on the board (a second window, fed by the board's own).
    rolldownOptions: { input: { index: `${here}index.html`, board: `${here}board.html`, presenter: `${here}presenter.html` } },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
