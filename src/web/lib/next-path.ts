/**
 * Reads where to go after signing in from `?next=`. Only a path of this site is accepted (`/me`, not
 * `//evil.example` or `https://…`), so the parameter cannot send people elsewhere (open redirect).
 * @param params the location's search params
 * @returns the path, or '/' (home)
 */
export function readNextPath(params: URLSearchParams): string {
  const next = params.get('next') ?? ''
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  // Back to the sign-in page would only bounce on: it sends signed-in people to their `next`.
  if (next.startsWith('/login')) return '/'
  return next
}

/**
 * Appends `?next=` to a path, so the page after it can send the person back.
 * @param path e.g. '/login'
 * @param next the path to return to; '/' or empty adds nothing
 * @returns e.g. '/login?next=%2Fme'
 */
export function withNext(path: string, next: string): string {
  if (!next || next === '/') return path
  return `${path}?next=${encodeURIComponent(next)}`
}
