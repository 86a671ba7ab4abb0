import { describe, expect, it } from 'vitest'
import { ancestorIdsOfPath, childPath, depthOfPath } from './node-path.ts'

describe('node paths', () => {
  it('lists the ancestors root first, the node itself last', () => {
    expect(ancestorIdsOfPath('/root/hlj/mdj/')).toEqual(['root', 'hlj', 'mdj'])
    expect(ancestorIdsOfPath('/root/')).toEqual(['root'])
  })

  it('counts depth from the root', () => {
    expect(depthOfPath('/root/')).toBe(0)
    expect(depthOfPath('/root/hlj/mdj/')).toBe(2)
  })

  it('builds a child path under its parent', () => {
    expect(childPath('/root/hlj/', 'mdj')).toBe('/root/hlj/mdj/')
    expect(ancestorIdsOfPath(childPath('/root/hlj/', 'mdj'))).toEqual(['root', 'hlj', 'mdj'])
  })
})
