/**
 * A small RFC 4180 CSV parser for the real public data files (scripts/demo/data). Fields may be quoted;
 * quoted fields may hold commas, CR/LF line breaks and doubled quotes (""). Records end with CRLF or LF.
 */

/** Raised for malformed input, with the 1-based line where the problem starts when it is known. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `${message} (line ${line})`)
    this.name = 'CsvError'
  }
}

/**
 * Parses CSV text into rows of fields. A leading UTF-8 BOM is ignored; a final line break does not make
 * an empty record; an empty line in the middle is one record with one empty field, as RFC 4180 reads it.
 * @param text the whole file
 * @returns every record, header included, as arrays of strings
 * @throws CsvError on an unterminated quoted field or a quote in the middle of an unquoted field
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  let atFieldStart = true
  const n = text.length

  const endField = () => {
    row.push(field)
    field = ''
    atFieldStart = true
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }

  while (i < n) {
    const ch = text[i]
    if (atFieldStart && ch === '"') {
      const startLine = line
      i++
      for (;;) {
        if (i >= n) throw new CsvError('unterminated quoted field', startLine)
        const c = text[i]
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (c === '\n') line++
        field += c
        i++
      }
      atFieldStart = false
      const after = text[i]
      if (i < n && after !== ',' && after !== '\n' && after !== '\r') {
        throw new CsvError('unexpected character after a closing quote', line)
      }
      continue
    }
    if (ch === ',') {
      endField()
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      endRow()
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      continue
    }
    if (ch === '"') throw new CsvError('quote inside an unquoted field', line)
    field += ch
    atFieldStart = false
    i++
  }
  // a record without a final line break; a file ending in a line break adds nothing
  if (!atFieldStart || row.length > 0) endRow()
  return rows
}

/**
 * Parses CSV with a header row into objects keyed by the header names.
 * @param text the whole file
 * @returns one object per data record
 * @throws CsvError when a record has a different number of fields than the header
 */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text)
  if (!header) return []
  return rows.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new CsvError(`data record ${index + 1} has ${fields.length} fields, the header has ${header.length}`)
    }
    const record: Record<string, string> = {}
    header.forEach((name, k) => {
      record[name] = fields[k] ?? ''
    })
    return record
  })
}
