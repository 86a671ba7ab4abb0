/**
 * localStorage key remembering that this browser has signed in. The session cookie is httpOnly, so the
 * page cannot see it; without this hint every anonymous visit would ask GET /api/me and get a 401, which
 * browsers log as a console error on every page. It is only a hint: the server decides, and a stale hint
 * costs one 401 after which it is cleared.
 */
export const SESSION_HINT_KEY = 'kx.session'

/**
 * Whether this browser may have a session worth asking the server about.
 * @returns true after a sign-in here (until sign-out or a 401)
 */
export function hasSessionHint(): boolean {
  try {
    return window.localStorage.getItem(SESSION_HINT_KEY) === '1'
  } catch {
    // Storage disabled: ask the server every time rather than never show the person as signed in.
    return true
  }
}

/**
 * Records whether this browser is signed in.
 * @param isSignedIn true after sign-in, false after sign-out or when the server says there is no session
 */
export function storeSessionHint(isSignedIn: boolean): void {
  try {
    if (isSignedIn) window.localStorage.setItem(SESSION_HINT_KEY, '1')
    else window.localStorage.removeItem(SESSION_HINT_KEY)
  } catch {
    // Nothing to remember it in; hasSessionHint then always asks.
  }
}
