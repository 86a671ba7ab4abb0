/**
 * A progress bar for long CLI jobs, on stderr so that stdout stays clean. On a terminal it redraws one
 * line with '\r' at most five times a second; otherwise (CI logs, pipes) it prints a plain line every
 * 10 % of the work.
 */

export type TProgress = {
  /** Report the number of units done so far. */
  update: (done: number) => void
  /** Draw the final state and end the line. */
  finish: (done: number) => void
}

type TProgressOptions = {
  total: number
  /** What is being counted, e.g. 'rows'. */
  unit: string
  /** Where to write; process.stderr by default. */
  out?: { isTTY?: boolean; write: (text: string) => unknown }
  /** Milliseconds clock, injectable for tests. */
  clock?: () => number
}

const BAR_WIDTH = 28

/**
 * Formats seconds as m:ss or h:mm:ss.
 * @param seconds a duration; not finite gives '--:--'
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--'
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/**
 * The text of one progress line: bar, percent, count, rate and ETA.
 * @param done units done
 * @param total units in all
 * @param unit what is counted
 * @param elapsedMs time since the start
 */
export function progressLine(done: number, total: number, unit: string, elapsedMs: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1
  const filled = Math.round(ratio * BAR_WIDTH)
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
  const eta = rate > 0 ? (total - done) / rate : Number.NaN
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`
  const count = `${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}`
  return `[${bar}] ${(ratio * 100).toFixed(1).padStart(5)}%  ${count}  ${Math.round(rate).toLocaleString('en')} ${unit}/s  ETA ${formatDuration(eta)}`
}

/**
 * Starts a progress display.
 * @param options total, unit, output stream and clock
 */
export function createProgress(options: TProgressOptions): TProgress {
  const out = options.out ?? process.stderr
  const clock = options.clock ?? (() => performance.now())
  const isTTY = out.isTTY === true
  const started = clock()
  let lastDraw = -Infinity
  let lastDecile = -1
  const draw = (done: number, isFinal: boolean) => {
    const line = progressLine(done, options.total, options.unit, clock() - started)
    if (isTTY) out.write(`\r${line}${isFinal ? '\n' : ''}`)
    else out.write(`${line}\n`)
  }
  return {
    update(done) {
      const now = clock()
      if (isTTY) {
        if (now - lastDraw < 200) return
        lastDraw = now
        draw(done, false)
        return
      }
      const decile = Math.floor((done / Math.max(1, options.total)) * 10)
      if (decile <= lastDecile || decile >= 10) return
      lastDecile = decile
      if (decile > 0) draw(done, false)
    },
    finish(done) {
      draw(done, true)
    },
  }
}
