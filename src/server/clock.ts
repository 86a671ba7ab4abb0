/** Time as the services see it: injected, so expiry and lockout rules are testable without waiting. */
export type TClock = { now: () => Date }

export const systemClock: TClock = { now: () => new Date() }

/** A clock that stands still until moved (tests). */
export function createManualClock(start: Date): TClock & { advance: (ms: number) => void; set: (at: Date) => void } {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms
    },
    set: (at: Date) => {
      current = at.getTime()
    },
  }
}
