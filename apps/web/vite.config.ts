import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The NL Design System's React package sets `X.displayName = "X"` on every component at the top
 * level of one file. The bundler counts those writes as side effects, so all ~100 components land
 * in the first page's JavaScript, used or not (one Button alone: 237 KB). Dropping the
 * development-only names there lets it keep just the components the dashboard imports.
 *
 * Importing the per-component `@utrecht/*-react` packages instead would not remove this: only
 * Button, Fieldset/FieldsetLegend, FormLabel and Textbox have one (`button-react` 3.0.3,
 * `fieldset-react` 1.0.13, `form-label-react` 1.0.12, `textbox-react` 1.0.16, the versions this
 * bundle 14.0.1 re-exports). Alert, ButtonLink, Paragraph, Select and SelectOption are written
 * inside this one file and published nowhere else (nor in 15.0.0, which also declares no
 * `sideEffects`), so the dashboard still imports the bundle and its names.
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
