import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const domainSource = fileURLToPath(new URL('../../libs/domain/src/', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The bare alias names index.ts explicitly: a directory alias would let a stray compiled
    // index.js beside it win, since .js resolves before .ts.
    alias: [
      { find: /^@tandem\/domain$/, replacement: `${domainSource}index.ts` },
      { find: /^@tandem\/domain\/(.*)$/, replacement: `${domainSource}$1` },
    ],
  },
  server: {
    // `npm run dev -w apps/web` against a server started with `npm start` on port 3000.
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
