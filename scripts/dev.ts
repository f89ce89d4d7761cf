import { spawn } from 'node:child_process';

// `npm run dev`: the API restarting on every change (node --watch) and the dashboard with hot
// reload on Vite's dev server (http://localhost:5173), which forwards /api to the API.
const children = [
  spawn(process.execPath, ['--watch', 'src/server.ts'], { stdio: 'inherit' }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'web'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
