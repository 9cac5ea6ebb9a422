import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** How the service sends email (password reset links). Deployments plug in their own. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * The default: writes each message to the log, for a machine without mail. The message holds a
 * one-time link, so a deployment that keeps its logs should configure a real mailer.
 */
export class LogMailer implements Mailer {
  constructor(private readonly logger: Logger) {}
  async send(message: MailMessage): Promise<void> {
    // A warning: nothing was sent, and someone must pass the message on by hand.
    this.logger.warn({ mail: message }, 'email not sent (no mailer configured): the message follows');
  }
}

/** Keeps messages in memory (tests). */
export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
}
