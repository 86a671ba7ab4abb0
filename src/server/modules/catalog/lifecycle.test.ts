import { describe, expect, it } from 'vitest'
import { availableActions, findTransition, fromStatuses, type TLifecycleState } from './lifecycle.ts'

const state = (
  status: TLifecycleState['status'],
  revisionStatus: TLifecycleState['revisionStatus'] = null,
  isEverPublished = false,
) => ({
  status,
  revisionStatus,
  isEverPublished,
})
const provider = new Set(['provider'] as const)
const reviewer = new Set(['reviewer'] as const)

describe('catalogue lifecycle table', () => {
  it('walks draft → submitted → approved → published → offline → submitted', () => {
    expect(findTransition('submit', state('draft'))?.to).toBe('submitted')
    expect(findTransition('approve', state('submitted'))?.to).toBe('approved')
    expect(findTransition('publish', state('approved'))?.to).toBe('published')
    expect(findTransition('offline', state('published', null, true))?.to).toBe('offline')
    expect(findTransition('online', state('offline', null, true))?.to).toBe('submitted')
  })

  it('edits a published resource through its revision, not in place', () => {
    expect(findTransition('edit', state('published', null, true))).toMatchObject({ revisionTo: 'draft' })
    expect(findTransition('edit', state('published', 'returned', true))).not.toBeNull()
    expect(findTransition('edit', state('published', 'submitted', true))).toBeNull()
    expect(findTransition('edit', state('submitted'))).toBeNull()
    expect(findTransition('edit', state('approved'))).toBeNull()
  })

  it('reviews a revision without leaving published', () => {
    expect(findTransition('approve', state('published', 'submitted', true))).toMatchObject({
      to: 'published',
      revisionTo: null,
    })
    expect(findTransition('return', state('published', 'submitted', true))).toMatchObject({ revisionTo: 'returned' })
    expect(findTransition('approve', state('published', 'draft', true))).toBeNull()
  })

  it('deletes only drafts that were never published', () => {
    expect(findTransition('delete', state('draft'))).not.toBeNull()
    expect(findTransition('delete', state('returned'))).not.toBeNull()
    expect(findTransition('delete', state('draft', null, true))).toBeNull()
    expect(findTransition('delete', state('published', null, true))).toBeNull()
  })

  it('lists the statuses each action may start from (the UPDATE guard)', () => {
    expect(fromStatuses('edit').sort()).toEqual(['draft', 'offline', 'published', 'returned'])
    expect(fromStatuses('approve').sort()).toEqual(['published', 'submitted'])
  })

  it('offers each side only its own buttons', () => {
    expect(availableActions(state('draft'), provider)).toEqual(['edit', 'submit', 'delete'])
    expect(availableActions(state('draft'), reviewer)).toEqual([])
    expect(availableActions(state('submitted'), provider)).toEqual(['withdraw'])
    expect(availableActions(state('submitted'), reviewer)).toEqual(['review'])
    expect(availableActions(state('published', null, true), reviewer)).toEqual(['offline'])
    expect(availableActions(state('published', 'submitted', true), new Set(['provider', 'reviewer'] as const))).toEqual(
      ['withdraw', 'review', 'offline'],
    )
  })
})
