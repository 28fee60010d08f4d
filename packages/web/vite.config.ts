import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API server runs separately on :8080; proxying keeps the app same-origin,
// so the http-only session cookie and the WebSocket work exactly as in production.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: true, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
