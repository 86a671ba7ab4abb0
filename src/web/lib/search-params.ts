/**
 * Reads the 1-based `page` query parameter, treating anything that is not a positive integer
 * as page 1 so a hand-edited URL never reaches the API as a validation error.
 * @param params the location's search params
 * @returns the page number
 */
export function readPage(params: URLSearchParams): number {
  const page = Number(params.get('page'))
  return Number.isInteger(page) && page >= 1 ? page : 1
}
