import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

/** The browser suite serves the built UI: build it when `npm run test:e2e` runs alone on a fresh clone. */
export default function setup(): void {
  if (existsSync(path.resolve('dist/web/index.html'))) return
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error('vite build failed')
}
