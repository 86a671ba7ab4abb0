import { createReadStream } from 'node:fs'
import type { TImportFormat } from '#shared/contracts/catalog-import.ts'
import { CsvFormatError, createCsvParser } from './import-csv.ts'
import { readXlsxRows } from './import-xlsx.ts'

/**
 * Streams the rows of an uploaded file (issue 4 item 4), so a 100 k-row file is read in constant memory:
 * xlsx through our sheet reader (import-xlsx.ts; first worksheet only: the template's later sheets are
 * instructions), CSV through our incremental parser, UTF-8 (with or without BOM) or, failing that, GB18030
 * (what Excel on Chinese Windows writes for "CSV (逗号分隔)").
 */

/** One row of the sheet: its number (1 = first row) and its cells by position (0 = column A). */
export type TSheetRow = { row: number; cells: unknown[] }

/** The file cannot be read at all; `key` is a catalogImport message key. */
export class FileReadError extends Error {
  constructor(
    readonly key: string,
    message: string,
    readonly row: number | null = null,
  ) {
    super(message)
    this.name = 'FileReadError'
  }
}

/**
 * The rows of a file, in order.
 * @param path the stored upload
 * @param format xlsx or csv
 * @param onBytes called with the number of bytes read so far (progress)
 * @throws FileReadError when the file is not a readable workbook or CSV
 */
export function readSheetRows(
  path: string,
  format: TImportFormat,
  onBytes: (bytes: number) => void,
): AsyncGenerator<TSheetRow> {
  return format === 'xlsx' ? readXlsx(path, onBytes) : readCsv(path, onBytes)
}

async function* readXlsx(path: string, onBytes: (bytes: number) => void): AsyncGenerator<TSheetRow> {
  try {
    yield* readXlsxRows(path, onBytes)
  } catch (err) {
    throw new FileReadError('catalogImport.FILE_UNREADABLE', `xlsx: ${(err as Error).message}`)
  }
}

async function* readCsv(path: string, onBytes: (bytes: number) => void): AsyncGenerator<TSheetRow> {
  const source = createReadStream(path, { highWaterMark: 256 * 1024 })
  const parser = createCsvParser()
  let decoder: TextDecoder | null = null
  let bytes = 0
  let row = 0
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytes += chunk.length
      onBytes(bytes)
      decoder ??= pickDecoder(chunk)
      for (const cells of parser.push(decode(decoder, chunk))) yield { row: ++row, cells }
    }
    const tail = decoder ? decode(decoder, undefined) : ''
    for (const cells of [...parser.push(tail), ...parser.end()]) yield { row: ++row, cells }
  } catch (err) {
    if (err instanceof CsvFormatError) {
      throw new FileReadError('catalogImport.FILE_UNREADABLE', err.message, err.row)
    }
    throw err
  } finally {
    source.destroy()
  }
}

/** UTF-8 when the first chunk is valid UTF-8 (a cut multi-byte character at its end is fine), else GB18030. */
function pickDecoder(first: Buffer): TextDecoder {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true })
    return new TextDecoder('utf-8', { fatal: true })
  } catch {
    return new TextDecoder('gb18030')
  }
}

function decode(decoder: TextDecoder, chunk: Buffer | undefined): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()
  } catch {
    throw new FileReadError('catalogImport.FILE_ENCODING', 'CSV is not valid UTF-8 past its first chunk')
  }
}
