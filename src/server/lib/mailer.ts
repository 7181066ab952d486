import { eq, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { FastifyBaseLogger } from "fastify";
import type { Db, Executor } from "../../db/open.js";
import { queryRows } from "../../db/query.js";
import { outbox, type MailAttachment } from "../../db/schema/index.js";
import type { AppLocale } from "../../core/i18n/locales.js";
import { mailHtml } from "./mail-html.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The recipient's language, which the subject and text are written in (never the sender's). */
  lang: AppLocale;
  /** Files to send along, such as an event's .ics invitation. */
  attachments?: MailAttachment[];
  /**
   * Community mail a person gets by choice: the one-click address that turns its list off, sent
   * as List-Unsubscribe with List-Unsubscribe-Post (RFC 8058). Account mail has none.
   */
  unsubscribeUrl?: string;
}

async function transportFor(smtp: string | Transporter): Promise<Transporter> {
  if (typeof smtp !== "string") return smtp;
  const { default: nodemailer } = await import("nodemailer");
  return nodemailer.createTransport(smtp);
}

/**
 * Mail is written to the outbox inside the caller's transaction, so a failed request sends
 * nothing. With SMTP configured, `deliver` sends what is waiting after the commit.
 */
export class Mailer {
  /** Made on the first delivery: nodemailer is loaded only by a server that sends mail. */
  private transport: Promise<Transporter> | undefined;
  constructor(
    private readonly db: Db,
    private readonly smtp: string | Transporter | undefined,
    private readonly from: string,
    private readonly log?: FastifyBaseLogger,
  ) {}

  async enqueue(tx: Executor, message: MailMessage): Promise<void> {
    await tx.insert(outbox).values(message);
  }

  /** Queues a batch of messages with one INSERT (nothing for an empty batch). */
  async enqueueMany(tx: Executor, messages: readonly MailMessage[]): Promise<void> {
    if (!messages.length) return;
    await tx.insert(outbox).values([...messages]);
  }

  /** Starts delivery after a commit without making the request wait; failures are retried later. */
  deliverSoon(): void {
    this.deliver().catch((error: unknown) => this.log?.warn({ err: error }, "mail delivery failed"));
  }

  /** Sends waiting mail when SMTP is configured; without it the outbox is the mailbox. */
  async deliver(): Promise<number> {
    if (this.smtp === undefined) return 0;
    const transport = await (this.transport ??= transportFor(this.smtp));
    // Claim before sending: with several servers, each message is taken by exactly one.
    const claimed = await queryRows<{
      id: string;
      to: string;
      subject: string;
      text: string;
      lang: string;
      attachments: MailAttachment[] | null;
      unsubscribe_url: string | null;
    }>(
      this.db,
      sql`update outbox set sent_at = now() where id in (
            select id from outbox where sent_at is null order by created_at limit 50 for update skip locked)
          returning id, "to", subject, text, lang, attachments, unsubscribe_url`,
    );
    let sent = 0;
    for (const mail of claimed) {
      try {
        await transport.sendMail({
          from: this.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mailHtml(mail.text, mail.lang),
          attachments: (mail.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
            encoding: a.encoding,
          })),
          // A calendar invitation rides along as an alternative of the text too: that part is
          // what Outlook and Gmail turn into an invitation with Accept and Decline.
          alternatives: (mail.attachments ?? [])
            .filter((a) => a.method)
            .map((a) => ({ contentType: a.contentType, content: a.content, encoding: a.encoding })),
          ...(mail.unsubscribe_url && {
            list: { unsubscribe: mail.unsubscribe_url },
            headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
          }),
        });
        sent += 1;
      } catch (error) {
        this.log?.warn({ mailId: mail.id, err: error }, "mail delivery failed");
        await this.db
          .update(outbox)
          .set({ sentAt: null, error: String(error) })
          .where(eq(outbox.id, mail.id));
      }
    }
    return sent;
  }
}
