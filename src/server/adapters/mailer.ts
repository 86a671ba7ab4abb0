import nodemailer from 'nodemailer'

/** One outgoing e-mail. `text` is required (every client shows it); `html` is optional. */
export type TMail = { to: string; subject: string; text: string; html?: string }

/**
 * Sends e-mail. Production: SMTP through nodemailer (`SMTP_URL`); development without `SMTP_URL`: the log
 * mailer, which sends nothing and says so.
 */
export type TMailer = {
  /** A label for logs and the start banner; never contains a password. */
  readonly description: string
  /** Resolves once the server has accepted the message; rejects when it refuses or cannot be reached. */
  send: (mail: TMail) => Promise<void>
}

const SEND_TIMEOUT_MS = 30_000

/** `a***@example.com`: enough to tell addresses apart in a log, without writing the address out. */
function maskAddress(address: string): string {
  const at = address.indexOf('@')
  if (at < 1) return '***'
  return `${address.slice(0, 1)}***${address.slice(at)}`
}

/**
 * An SMTP mailer. `url` is nodemailer's connection URL: `smtp://user:pass@host:587` (STARTTLS when the
 * server offers it) or `smtps://user:pass@host:465` (TLS from the start); URL-encode special characters
 * in the password.
 * @param options.from the sender, e.g. `"科享平台" <noreply@example.gov.cn>`
 * @returns the mailer plus `close()`, which ends pooled connections (shutdown, tests)
 */
export function createSmtpMailer(options: { url: string; from: string }): TMailer & { close: () => void } {
  const url = new URL(options.url)
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  })
  return {
    description: `SMTP ${url.protocol.replace(':', '')}://${url.hostname}:${url.port || 'default'} as ${options.from}`,
    async send(mail) {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html === undefined ? {} : { html: mail.html }),
      })
    },
    close: () => transport.close(),
  }
}

/**
 * The development mailer: it sends NOTHING. Each message is written to the log (recipient masked) so a
 * developer can read it; used when `SMTP_URL` is not set.
 */
export function createLogMailer(log: (message: string) => void): TMailer {
  return {
    description: 'development mailer: e-mails are NOT sent, they are written to the log (set SMTP_URL to send)',
    async send(mail) {
      log(`[dev mail, NOT sent → ${maskAddress(mail.to)}] ${mail.subject}\n${mail.text}`)
    },
  }
}
