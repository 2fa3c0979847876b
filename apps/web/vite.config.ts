import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built dashboard on one port; in development Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: {
    proxy: {
      '/api': { target: process.env.WEGWIJZER_API ?? 'http://localhost:3200', changeOrigin: false },
    },
  },
});
