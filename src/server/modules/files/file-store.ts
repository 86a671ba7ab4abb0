import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream, type ReadStream, type Stats } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * Where the bytes of uploaded files live: a local folder (KEXIANG_DATA_DIR/files), one file per content,
 * named by its SHA-256 (`ab/abcdef…`), so the same content is stored once however often it is uploaded.
 * An upload is written under `tmp/` first and renamed into place only once it is complete and accepted,
 * so a failed or refused upload leaves nothing behind (rename is atomic on one file system).
 */
export type TFileStore = {
  /**
   * Streams an upload into a temporary file, hashing and counting it on the way. Stops reading after
   * `maxBytes` (the stream is then drained and `isTruncated` is true).
   */
  stage: (stream: Readable, options: { maxBytes: number }) => Promise<TStagedFile>
  /** Moves a staged file to its content address (replacing an identical one); the staged file is gone after. */
  commit: (staged: TStagedFile) => Promise<void>
  /** Removes a staged file that was refused. Never throws for a file that is already gone. */
  discard: (staged: TStagedFile) => Promise<void>
  /** The stored bytes of a content, or null when they are missing. */
  open: (sha256: string) => Promise<ReadStream | null>
  /** Removes the stored bytes of a content (no-op when missing). */
  remove: (sha256: string) => Promise<void>
  /** True when the bytes of a content are stored. */
  has: (sha256: string) => Promise<boolean>
  /** Removes temporary files last written before `before` (uploads cut off by a crash). */
  removeStaleTemp: (before: Date) => Promise<void>
}

/** An upload written to a temporary file, not yet accepted. */
export type TStagedFile = {
  tempPath: string
  sha256: string
  /** Bytes written (at most maxBytes). */
  size: number
  /** True when the upload was longer than maxBytes and was cut. */
  isTruncated: boolean
}

const SHA256 = /^[0-9a-f]{64}$/

/** The file's status, or null when it does not exist (it may vanish between listing and reading). */
async function statIfExists(filePath: string): Promise<Stats | null> {
  try {
    return await stat(filePath)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/**
 * The local-disk store.
 * @param dir the folder for files; created on first use
 */
export function createLocalFileStore(dir: string): TFileStore {
  const tmpDir = path.join(dir, 'tmp')

  function pathOf(sha256: string): string {
    // The name comes from our own hash, but a wrong value must never reach the file system.
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`)
    return path.join(dir, sha256.slice(0, 2), sha256)
  }

  async function stage(stream: Readable, options: { maxBytes: number }): Promise<TStagedFile> {
    await mkdir(tmpDir, { recursive: true })
    const tempPath = path.join(tmpDir, `${randomUUID()}.part`)
    const hash = createHash('sha256')
    let size = 0
    let isTruncated = false
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (isTruncated) return done()
        const room = options.maxBytes - size
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk
        if (chunk.length > room) isTruncated = true
        size += part.length
        hash.update(part)
        done(null, part)
      },
    })
    try {
      await pipeline(stream, meter, createWriteStream(tempPath, { flags: 'wx' }))
    } catch (err) {
      await rm(tempPath, { force: true })
      throw err
    }
    return { tempPath, sha256: hash.digest('hex'), size, isTruncated }
  }

  async function commit(staged: TStagedFile): Promise<void> {
    const target = pathOf(staged.sha256)
    await mkdir(path.dirname(target), { recursive: true })
    await rename(staged.tempPath, target)
  }

  async function open(sha256: string): Promise<ReadStream | null> {
    if (!(await has(sha256))) return null
    return createReadStream(pathOf(sha256))
  }

  async function has(sha256: string): Promise<boolean> {
    return (await statIfExists(pathOf(sha256)))?.isFile() ?? false
  }

  async function removeStaleTemp(before: Date): Promise<void> {
    if (!(await statIfExists(tmpDir))) return
    for (const name of await readdir(tmpDir)) {
      const file = path.join(tmpDir, name)
      const info = await statIfExists(file)
      if (info && info.mtime < before) await rm(file, { force: true })
    }
  }

  return {
    stage,
    removeStaleTemp,
    commit,
    discard: (staged) => rm(staged.tempPath, { force: true }),
    open,
    remove: (sha256) => rm(pathOf(sha256), { force: true }),
    has,
  }
}
