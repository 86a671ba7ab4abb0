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
 * Reads a quoted field that starts at `start` (the opening quote).
 * @returns the unescaped value, the index after the closing quote and the line number reached
 */
function readQuoted(text: string, start: number, line: number): { value: string; next: number; line: number } {
  let value = ''
  let i = start + 1
  let current = line
  for (;;) {
    if (i >= text.length) throw new CsvError('unterminated quoted field', line)
    const c = text[i]
    if (c === '"') {
      if (text[i + 1] !== '"') break
      value += '"'
      i += 2
      continue
    }
    if (c === '\n') current++
    value += c
    i++
  }
  const after = text[i + 1]
  if (i + 1 < text.length && after !== ',' && after !== '\n' && after !== '\r') {
    throw new CsvError('unexpected character after a closing quote', current)
  }
  return { value, next: i + 1, line: current }
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
  const endField = () => {
    row.push(field)
    field = ''
    atFieldStart = true
  }
  while (i < text.length) {
    const ch = text[i]
    if (atFieldStart && ch === '"') {
      const quoted = readQuoted(text, i, line)
      field = quoted.value
      i = quoted.next
      line = quoted.line
      atFieldStart = false
    } else if (ch === ',') {
      endField()
      i++
    } else if (ch === '\r' || ch === '\n') {
      endField()
      rows.push(row)
      row = []
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
    } else {
      if (ch === '"') throw new CsvError('quote inside an unquoted field', line)
      field += ch
      atFieldStart = false
      i++
    }
  }
  // a record without a final line break; a file ending in a line break adds nothing
  if (!atFieldStart || row.length > 0) {
    endField()
    rows.push(row)
  }
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
