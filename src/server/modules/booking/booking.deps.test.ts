import { describe, expect, it } from 'vitest'
import { AppError } from '../../errors.ts'
import { retryOnDeadlock } from './booking.deps.ts'

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' })

describe('retryOnDeadlock', () => {
  it('tries again after a deadlock and returns the first success', async () => {
    let calls = 0
    const result = await retryOnDeadlock(async () => {
      calls++
      if (calls === 1) throw deadlock()
      return 'booked'
    })
    expect(result).toBe('booked')
    expect(calls).toBe(2)
  })

  it('answers SLOT_TAKEN when every attempt deadlocks, and passes other errors through', async () => {
    await expect(retryOnDeadlock(async () => Promise.reject(deadlock()))).rejects.toMatchObject({ code: 'SLOT_TAKEN' })
    const other = Object.assign(new Error('exclusion'), { code: '23P01' })
    await expect(retryOnDeadlock(async () => Promise.reject(other))).rejects.toBe(other)
    await expect(retryOnDeadlock(async () => Promise.reject(new AppError('NOT_FOUND', 'x')))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})
