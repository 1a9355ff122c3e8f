import { defaultClientConditions, defineConfig } from 'vite';
import { repoDataPlugin } from './repo_data_plugin.ts';

// The page is built with relative URLs (base './') so the output opens from any folder or static host.
export default defineConfig({
  base: './',
  plugins: [repoDataPlugin()],
  // The viewer (page and worker) bundles @firecover/core from its TypeScript sources, not its dist/.
  resolve: { conditions: ['firecover-source', ...defaultClientConditions] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
