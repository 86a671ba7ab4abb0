import { open } from 'node:fs/promises'
import { fileTypeFromFile } from 'file-type'
import { FILE_MIME } from '#shared/contracts/files.ts'

/** How much of a file the plain-text check reads. */
const TEXT_SAMPLE_BYTES = 64 * 1024

/**
 * The type of a file from its bytes (magic numbers; for DOCX/XLSX the parts inside the zip), never from its
 * name or the client's Content-Type: an .exe renamed .pdf is an executable. Files without a signature
 * count as text when they hold no control characters other than tab, line feed, form feed and carriage
 * return (UTF-8 and GB18030 both qualify); a text file named *.csv is CSV.
 * @param filePath the staged upload
 * @param name the name it was uploaded with (only to tell CSV from plain text)
 * @returns a MIME type, e.g. 'application/pdf', 'application/x-msdownload', or null when unknown binary
 */
export async function detectFileType(filePath: string, name: string): Promise<string | null> {
  const detected = await fileTypeFromFile(filePath)
  if (detected) return detected.mime
  if (!isText(await readHead(filePath, TEXT_SAMPLE_BYTES))) return null
  return /\.csv$/i.test(name) ? FILE_MIME.csv : FILE_MIME.text
}

/**
 * True when the bytes look like text in an ASCII-compatible encoding: no NUL and no C0 control characters
 * besides \t \n \f \r (and ESC, which some terminals' logs contain). Empty input is not text.
 */
export function isText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) return false
    if (byte === 0x7f) return false
  }
  return true
}

async function readHead(filePath: string, length: number): Promise<Uint8Array> {
  const handle = await open(filePath, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
