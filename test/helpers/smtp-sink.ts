import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** A message as the test SMTP server received it, with the parts tests look at decoded. */
export type TReceivedMail = {
  /** Envelope recipients (RCPT TO). */
  rcptTo: string[]
  /** The raw message, as sent over the wire. */
  raw: string
  headers: Record<string, string>
  /** Subject with RFC 2047 encoded-words decoded. */
  subject: string
  /** The text/plain body, transfer-decoded (quoted-printable or base64), read as UTF-8, with \n line ends. */
  text: string
}

/** Splits the header block (unfolded, names lower-cased) from the body. */
function splitMessage(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, end).replace(/\r\n[ \t]+/g, ' ')
  const headers: Record<string, string> = {}
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { headers, body: raw.slice(end + 4) }
}

function quotedPrintableBytes(text: string, isHeader: boolean): Buffer {
  const unfolded = (isHeader ? text.replaceAll('_', ' ') : text).replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < unfolded.length; i += 1) {
    const hex = unfolded.slice(i + 1, i + 3)
    if (unfolded[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(unfolded[i]!, 'utf8'))
    }
  }
  return Buffer.from(bytes)
}

/** Decodes RFC 2047 encoded-words; adjacent words are joined as bytes (a character may be split). */
export function decodeHeader(value: string): string {
  const words = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g
  const out: (string | Buffer)[] = []
  let last = 0
  for (let match = words.exec(value); match; match = words.exec(value)) {
    const between = value.slice(last, match.index)
    const isAdjacent = out.length > 0 && Buffer.isBuffer(out.at(-1)) && /^\s*$/.test(between)
    if (!isAdjacent && between) out.push(between)
    const bytes = match[2]!.toUpperCase() === 'B' ? Buffer.from(match[3]!, 'base64') : quotedPrintableBytes(match[3]!, true)
    if (isAdjacent) out[out.length - 1] = Buffer.concat([out.at(-1) as Buffer, bytes])
    else out.push(bytes)
    last = match.index + match[0].length
  }
  out.push(value.slice(last))
  return out.map((part) => (Buffer.isBuffer(part) ? part.toString('utf8') : part)).join('')
}

/** Decodes a single-part text body by its Content-Transfer-Encoding. */
export function decodeBody(body: string, transferEncoding: string | undefined): string {
  const encoding = (transferEncoding ?? '7bit').toLowerCase()
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return quotedPrintableBytes(body, false).toString('utf8')
  return body
}

/**
 * A real SMTP server on 127.0.0.1 (a free port) that keeps every message it receives. No TLS and no
 * authentication: for tests only.
 */
export async function startSmtpSink(): Promise<{ url: string; messages: TReceivedMail[]; close: () => Promise<void> }> {
  const messages: TReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const { headers, body } = splitMessage(raw)
        messages.push({
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
          headers,
          subject: decodeHeader(headers.subject ?? ''),
          text: decodeBody(body.replace(/\r\n$/, ''), headers['content-transfer-encoding']).replaceAll('\r\n', '\n'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
