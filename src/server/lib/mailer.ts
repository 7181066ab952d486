import { isNull, eq, asc } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { FastifyBaseLogger } from "fastify";
import type { Db, Executor } from "../../db/open.js";
import { outbox } from "../../db/schema/index.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Mail is written to the outbox inside the caller's transaction, so a failed request sends
 * nothing. With SMTP_URL set, `deliver` sends what is waiting after the commit.
 */
export class Mailer {
  private readonly transport: Transporter | null;
  constructor(
    private readonly db: Db,
    smtpUrl: string | undefined,
    private readonly from: string,
    private readonly log?: FastifyBaseLogger,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  async enqueue(tx: Executor, message: MailMessage): Promise<void> {
    await tx.insert(outbox).values(message);
  }

  /** Sends waiting mail when SMTP is configured; without it the outbox is the mailbox. */
  async deliver(): Promise<void> {
    if (!this.transport) return;
    const waiting = await this.db
      .select()
      .from(outbox)
      .where(isNull(outbox.sentAt))
      .orderBy(asc(outbox.createdAt))
      .limit(50);
    for (const mail of waiting) {
      try {
        await this.transport.sendMail({
          from: this.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
        });
        await this.db.update(outbox).set({ sentAt: new Date(), error: null }).where(eq(outbox.id, mail.id));
      } catch (error) {
        this.log?.warn({ mailId: mail.id, err: error }, "mail delivery failed");
        await this.db
          .update(outbox)
          .set({ error: String(error) })
          .where(eq(outbox.id, mail.id));
      }
    }
  }

  get usesSmtp(): boolean {
    return this.transport !== null;
  }
}
