import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` serves the dashboard with hot reload and sends /api to the running server.
const api = process.env.DASHBOARD_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed names: the server marks everything under /assets immutable.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { '/api': api, '/widget.js': api } },
});
