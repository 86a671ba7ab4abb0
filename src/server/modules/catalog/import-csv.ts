/**
 * An incremental RFC 4180 CSV parser for uploads (issue 4 item 4): text goes in by chunks of any size,
 * records come out as soon as they end, so a 50 MB file never sits in memory whole. Quoted fields may hold
 * commas, line breaks and doubled quotes; records end with CRLF, LF or CR. A quote inside an unquoted field
 * is kept as an ordinary character (as spreadsheet programs read it); an unterminated quoted field at the end
 * of the input is an error.
 */

/** Raised for malformed input, with the record (row) number where it happened. */
export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(`${message} (row ${row})`)
    this.name = 'CsvFormatError'
  }
}

type TState = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'afterCr'

/** The parser: `push` text, collect the records it returns, then `end`. */
export type TCsvParser = {
  /** Parses a chunk; returns the records completed by it. */
  push: (text: string) => string[][]
  /** Ends the input; returns the last record if the text did not end with a line break. */
  end: () => string[][]
}

/**
 * Creates a parser. A leading byte-order mark (U+FEFF) is dropped. An empty line is a record with one empty
 * field (callers skip blank records); a final line break does not make an extra record.
 */
export function createCsvParser(): TCsvParser {
  let state: TState = 'fieldStart'
  let field = ''
  let record: string[] = []
  let isFirstChunk = true
  let recordCount = 0

  function endField(): void {
    record.push(field)
    field = ''
  }

  function endRecord(out: string[][]): void {
    endField()
    out.push(record)
    record = []
    recordCount++
  }

  function push(input: string): string[][] {
    let text = input
    if (isFirstChunk && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      isFirstChunk = false
    }
    const out: string[][] = []
    let start: number
    for (let i = 0; i < text.length; i++) {
      const c = text[i]
      if (state === 'afterCr') {
        state = 'fieldStart'
        if (c === '\n') continue
      }
      if (state === 'quoted') {
        // fast path: copy up to the next quote in one slice
        const next = text.indexOf('"', i)
        if (next === -1) {
          field += text.slice(i)
          i = text.length
          break
        }
        field += text.slice(i, next)
        i = next
        state = 'quoteInQuoted'
        continue
      }
      if (state === 'quoteInQuoted') {
        if (c === '"') {
          field += '"'
          state = 'quoted'
          continue
        }
        state = 'unquoted'
      }
      if (state === 'fieldStart' && c === '"') {
        state = 'quoted'
        continue
      }
      if (c === ',') {
        endField()
        state = 'fieldStart'
      } else if (c === '\n' || c === '\r') {
        endRecord(out)
        state = c === '\r' ? 'afterCr' : 'fieldStart'
      } else {
        // ordinary characters: take the run up to the next special one in one slice
        start = i
        while (i + 1 < text.length && !isSeparator(text.charCodeAt(i + 1))) i++
        field += text.slice(start, i + 1)
        state = 'unquoted'
      }
    }
    return out
  }

  function end(): string[][] {
    if (state === 'quoted') throw new CsvFormatError('unterminated quoted field', recordCount + 1)
    const out: string[][] = []
    if (state === 'afterCr' || (state === 'fieldStart' && field === '' && record.length === 0)) return out
    endRecord(out)
    return out
  }

  return { push, end }
}

/** Comma, LF or CR: the characters that end an unquoted field. */
function isSeparator(code: number): boolean {
  return code === 44 || code === 10 || code === 13
}
