import { describe, expect, it } from 'vitest'
import { buildDemoDataset } from './build-dataset.ts'
import { ownerFromRow } from './build-orgs.ts'
import { RESOURCE_COPY_COLUMNS } from './copy-text.ts'
import { createResourceCopyStream, type TGenOptions } from './gen-stream.ts'
import { createRng, expandAlternatives } from './prng.ts'
import { DEFAULT_NOW } from './time.ts'

const demo = buildDemoDataset()
const options: Omit<TGenOptions, 'total'> = {
  seed: 42,
  now: DEFAULT_NOW,
  owners: demo.organisations
    .filter((o) => o.status === 'approved')
    .map((o) => ownerFromRow({ ...o, address: o.address ?? '' })),
  nodeNames: new Map(demo.nodes.map((n) => [n.id, n.name])),
}

async function collect(total: number, seed = 42): Promise<string> {
  let text = ''
  for await (const chunk of createResourceCopyStream({ ...options, seed, total })) text += String(chunk)
  return text
}

describe('createResourceCopyStream', () => {
  it('produces exactly the requested number of published rows, deterministically for a seed', async () => {
    const text = await collect(1000)
    const lines = text.split('\n').slice(0, -1)
    expect(lines).toHaveLength(1000)
    for (const line of lines) expect(line.split('\t')).toHaveLength(RESOURCE_COPY_COLUMNS.length)
    expect(lines.every((l) => l.split('\t')[12] === 'published')).toBe(true)
    expect(new Set(lines.map((l) => l.split('\t')[0])).size).toBeGreaterThan(6)
    expect(await collect(1000)).toBe(text)
    expect(await collect(1000, 43)).not.toBe(text)
  })

  it('generates only when read (backpressure): a paused stream stops near its buffer size', async () => {
    let produced = 0
    const stream = createResourceCopyStream({ ...options, total: 1_000_000, onProgress: (n) => (produced = n) })
    stream.pause()
    stream.read(0)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(produced).toBeGreaterThan(0)
    expect(produced).toBeLessThan(5000)
    stream.destroy()
  })
})

describe('expandAlternatives', () => {
  it('picks one alternative per group and keeps the rest of the text', () => {
    const rng = createRng(1, 't')
    const out = expandAlternatives(rng, '分辨率 {0.8|1.0} nm@{15|30} kV')
    expect(out).toMatch(/^分辨率 (0\.8|1\.0) nm@(15|30) kV$/)
    expect(expandAlternatives(rng, 'no groups {here}')).toBe('no groups {here}')
  })
})
