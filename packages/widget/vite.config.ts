import { defineConfig } from 'vite';

// One self-contained file, an IIFE: a host page adds <script src=".../widget.js" data-key="…">
// and nothing else; no module loader, no second request for CSS (the styles live in the script).
export default defineConfig({
  build: {
    lib: { entry: 'src/main.ts', formats: ['iife'], name: 'LiniaChat', fileName: () => 'widget.js' },
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2019',
    minify: true,
  },
});
