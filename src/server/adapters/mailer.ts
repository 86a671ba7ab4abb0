// STUB — being replaced by the nodemailer adapter.
export type TMail = { to: string; subject: string; text: string; html?: string }
export type TMailer = { readonly description: string; send: (mail: TMail) => Promise<void> }
export function createLogMailer(_log: (message: string) => void): TMailer {
  return { description: 'stub', send: async () => {} }
}
