// The email upward as an unsent draft (.eml): built by nodemailer's MailComposer (UTF-8 subject
// and body, Vietnamese attachment names encoded by RFC 2231/2047), never written by hand.
// "X-Unsent: 1" makes Outlook open it as a draft to send; Thunderbird opens it as a message
// that "Edit as new" sends.
import MailComposer from 'nodemailer/lib/mail-composer';

export interface EmlAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

export interface EmlInput {
  from?: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  attachments: EmlAttachment[];
  date?: Date;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function buildEml(input: EmlInput): Promise<Uint8Array> {
  const composer = new MailComposer({
    ...(input.from ? { from: input.from } : {}),
    to: input.to,
    cc: input.cc.length ? input.cc : undefined,
    subject: input.subject,
    text: input.text,
    date: input.date ?? new Date(),
    headers: { 'X-Unsent': '1' },
    textEncoding: 'base64',
    attachments: input.attachments.map((a) => ({
      filename: a.filename.normalize('NFC'),
      content: Buffer.from(a.content),
      contentType: a.contentType,
    })),
  });
  const buf = await composer.compile().build();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
