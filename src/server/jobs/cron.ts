/**
 * The small cron dialect both queues accept (pg-boss understands full cron; the in-process queue matches
 * with this): five fields `minute hour day-of-month month day-of-week`, evaluated in UTC. Each field is
 * `*`, `*\/n`, a number, a range `a-b` (optionally `/n`) or a comma list of those. Unlike classic cron,
 * a day-of-month and a day-of-week restriction must both match.
 */

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 6 },
] as const

/** A parsed cron expression: for each field the set of values it allows. */
export type TCron = { source: string; fields: Set<number>[] }

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>()
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part)
    if (!match) throw new Error(`cron ${field.name}: cannot read "${part}"`)
    const isAll = match[1] === '*'
    const from = isAll ? field.min : Number(match[2])
    const to = isAll ? field.max : match[3] === undefined ? (match[4] ? field.max : from) : Number(match[3])
    const step = match[4] === undefined ? 1 : Number(match[4])
    if (from < field.min || to > field.max || from > to || step < 1) {
      throw new Error(`cron ${field.name}: "${part}" is outside ${field.min}-${field.max}`)
    }
    for (let v = from; v <= to; v += step) values.add(v)
  }
  return values
}

/**
 * Parses a five-field cron expression.
 * @throws Error when it is not one (a programming mistake)
 */
export function parseCron(source: string): TCron {
  const parts = source.trim().split(/\s+/)
  if (parts.length !== FIELDS.length) throw new Error(`cron needs 5 fields, got "${source}"`)
  return { source, fields: parts.map((part, i) => parseField(part, FIELDS[i]!)) }
}

/** True when the cron allows the minute that `at` falls in (UTC). */
export function cronMatches(cron: TCron, at: Date): boolean {
  const [minute, hour, day, month, weekday] = cron.fields as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>]
  return (
    minute.has(at.getUTCMinutes()) &&
    hour.has(at.getUTCHours()) &&
    day.has(at.getUTCDate()) &&
    month.has(at.getUTCMonth() + 1) &&
    weekday.has(at.getUTCDay())
  )
}
