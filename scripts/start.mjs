#!/usr/bin/env node
// `npm start`: builds the web UI when it is missing or older than its sources, then runs the server
// (TypeScript through tsx, in this process, so signals reach the server's graceful shutdown directly).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

function newestMtime(target) {
  if (!existsSync(target)) return 0
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

const builtIndex = path.join(root, 'dist/web/index.html')
const sourcesChanged = Math.max(
  newestMtime(path.join(root, 'src/web')),
  newestMtime(path.join(root, 'src/shared')),
  newestMtime(path.join(root, 'vite.config.ts')),
)
if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sourcesChanged) {
  console.log('Building the web UI (vite build)…')
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    console.error('The web UI build failed; see the messages above.')
    process.exit(result.status ?? 1)
  }
}

const { register } = await import('tsx/esm/api')
register()
await import(pathToFileURL(path.join(root, 'src/server/main.ts')).href)
