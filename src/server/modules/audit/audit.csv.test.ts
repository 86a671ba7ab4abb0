import { describe, expect, it } from 'vitest'
import { auditRecordsToCsv, csvCell } from './audit.csv.ts'

describe('audit CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('+86')).toBe("'+86")
    expect(csvCell('@cmd')).toBe("'@cmd")
  })

  it('starts with a BOM and bilingual headers, one CRLF line per record', () => {
    const csv = auditRecordsToCsv([
      {
        id: 1,
        chainSeq: 1,
        occurredAt: '2026-05-01T03:00:00.000Z',
        actorId: null,
        actorName: '张三',
        action: 'identity.sign_in',
        targetType: 'user',
        targetId: 'u1',
        ip: '127.0.0.1',
        userAgent: 'Mozilla/5.0 (X11, Linux)',
        result: 'success',
        detail: { method: 'password' },
      },
    ])
    expect(csv.startsWith('\uFEFF序号 seq,时间 occurredAt (UTC),')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toBe(
      '1,2026-05-01T03:00:00.000Z,,张三,identity.sign_in,user,u1,success,127.0.0.1,"Mozilla/5.0 (X11, Linux)","{""method"":""password""}"',
    )
    expect(lines[2]).toBe('')
  })
})
