import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The NL Design System's React package sets `X.displayName = "X"` on every component at the top
 * level of one file. The bundler counts those writes as side effects, so all ~100 components land
 * in the first page's JavaScript, used or not (one Button alone: 237 KB). Dropping the
 * development-only names there lets it keep just the components the dashboard imports.
 */
function shakeableDesignSystem(): Plugin {
  return {
    name: 'wegwijzer-shakeable-design-system',
    apply: 'build',
    transform(code, id) {
      if (!/@utrecht[\\/]component-library-react[\\/]dist[\\/]index\.mjs$/.test(id)) return null;
      return { code: code.replace(/^[\w$]+\.displayName = '[^']*';$/gm, ''), map: null };
    },
  };
}

// The API serves the built dashboard on one port; in development Vite proxies /api to it.
export default defineConfig({
  plugins: [react(), shakeableDesignSystem()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: {
    proxy: {
      '/api': { target: process.env.WEGWIJZER_API ?? 'http://localhost:3200', changeOrigin: false },
    },
  },
});
