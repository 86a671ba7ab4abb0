import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'

/**
 * The few parts of the ZIP format an .xlsx upload needs (issue 4 item 4): the central directory, read from
 * the end of the stored file, and one entry as a stream of its uncompressed bytes (stored or deflated).
 * Random access to the file on disk makes this simpler and sturdier than parsing the archive front to back.
 */

/** One file in the archive. */
export type TZipEntry = {
  name: string
  method: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

/** The archive is not a ZIP file we can read. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipFormatError'
  }
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
/** The end record (22 bytes) plus the longest comment. */
const EOCD_SEARCH_BYTES = 22 + 0xffff

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, position)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * Lists the entries of a ZIP file.
 * @param path the file
 * @param size its size in bytes
 * @throws ZipFormatError when there is no readable central directory (not a ZIP, cut short, ZIP64)
 */
export async function listZipEntries(path: string, size: number): Promise<Map<string, TZipEntry>> {
  const tailStart = Math.max(0, size - EOCD_SEARCH_BYTES)
  const tail = await readAt(path, tailStart, size - tailStart)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory record')
  const count = tail.readUInt16LE(eocd + 10)
  const directorySize = tail.readUInt32LE(eocd + 12)
  const directoryOffset = tail.readUInt32LE(eocd + 16)
  if (directoryOffset === 0xffffffff || directoryOffset + directorySize > size) {
    throw new ZipFormatError('central directory out of range (ZIP64 is not supported)')
  }
  const directory = await readAt(path, directoryOffset, directorySize)
  const entries = new Map<string, TZipEntry>()
  let at = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('broken central directory')
    }
    const nameLength = directory.readUInt16LE(at + 28)
    const extraLength = directory.readUInt16LE(at + 30)
    const commentLength = directory.readUInt16LE(at + 32)
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength)
    entries.set(name, {
      name,
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * The uncompressed bytes of one entry, as a stream.
 * @throws ZipFormatError for a compression method other than stored (0) or deflate (8)
 */
export async function openZipEntry(path: string, entry: TZipEntry): Promise<Readable> {
  const header = await readAt(path, entry.localHeaderOffset, 30)
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE)
    throw new ZipFormatError(`bad local header of ${entry.name}`)
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (entry.compressedSize === 0) return Readable.from([])
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 })
  if (entry.method === 0) return raw
  if (entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method} of ${entry.name}`)
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 })
  raw.on('error', (err) => inflate.destroy(err))
  return raw.pipe(inflate)
}
