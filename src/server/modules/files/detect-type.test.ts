import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectFileType, isText } from './detect-type.ts'
import { cleanFileName } from './files.service.ts'
import { EXE_BYTES, TINY_JPEG, TINY_PNG, tinyDocx, tinyPdf, tinyXlsx } from './files.int-helpers.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kx-detect-'))
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

async function detect(bytes: Buffer, name: string): Promise<string | null> {
  const file = path.join(dir, `${Math.random()}`)
  await writeFile(file, bytes)
  return detectFileType(file, name)
}

describe('detectFileType', () => {
  it('recognises the accepted types from their bytes, whatever the name says', async () => {
    expect(await detect(tinyPdf(), 'x.png')).toBe('application/pdf')
    expect(await detect(TINY_PNG, 'x.pdf')).toBe('image/png')
    expect(await detect(TINY_JPEG, 'x')).toBe('image/jpeg')
    expect(await detect(tinyDocx(), 'x.zip')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(await detect(tinyXlsx(), 'x.docx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  })

  it('sees an executable renamed .pdf for what it is', async () => {
    expect(await detect(EXE_BYTES, '说明书.pdf')).toBe('application/x-msdownload')
  })

  it('takes signature-less text as CSV by its name, plain text otherwise; binary as unknown', async () => {
    expect(await detect(Buffer.from('a,b\n1,2\n'), '数据.CSV')).toBe('text/csv')
    expect(await detect(Buffer.from('你好\r\n'), 'readme')).toBe('text/plain')
    expect(await detect(Buffer.from([0x00, 0x01, 0x02, 0x03]), 'x.txt')).toBeNull()
  })
})

describe('isText', () => {
  it('accepts tabs and line ends, refuses NUL, other controls and empty input', () => {
    expect(isText(Buffer.from('a\tb\r\n'))).toBe(true)
    expect(isText(Buffer.from('a\0b'))).toBe(false)
    expect(isText(Buffer.from([0x41, 0x07]))).toBe(false)
    expect(isText(Buffer.alloc(0))).toBe(false)
  })
})

describe('cleanFileName', () => {
  it('drops folders and control characters, keeps Chinese names', () => {
    expect(cleanFileName('C:\\fakepath\\营业执照.pdf')).toBe('营业执照.pdf')
    expect(cleanFileName('../../etc/passwd')).toBe('passwd')
    expect(cleanFileName('a\u0000b\n.png')).toBe('ab.png')
    expect(cleanFileName('  ')).toBe('file')
  })
})
