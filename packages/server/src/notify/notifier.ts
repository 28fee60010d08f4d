/**
 * How a message reaches a customer. Cases and orders only say *what* to tell *whom*; the channel
 * (e-mail arrives in a later issue, SMS and messengers after it) is a Notifier. `send` must return
 * quickly — a real channel hands the message to its own outbox rather than talking to a mail server
 * inside the caller's transaction.
 */
export interface NoticeMessage {
  tenantId: string;
  customerId: string;
  /** The identifier kind it goes to ('email', 'phone', …) and its value. */
  channel: string;
  address: string;
  subject: string;
  body: string;
}

export interface Notifier {
  send(message: NoticeMessage): Promise<'sent' | 'failed'>;
}

/** Keeps every message in memory: the default until a real channel exists, and what tests read. */
export class RecordingNotifier implements Notifier {
  readonly sent: NoticeMessage[] = [];
  async send(message: NoticeMessage): Promise<'sent'> {
    this.sent.push(message);
    return 'sent';
  }
}

/**
 * The notifier of one running app, keyed by its database (the one object the app and its tests
 * both hold), so a test can read what was sent without a global.
 */
const notifiers = new WeakMap<object, Notifier>();

export function notifierOf(db: object): Notifier {
  let n = notifiers.get(db);
  if (!n) notifiers.set(db, (n = new RecordingNotifier()));
  return n;
}

export function useNotifier(db: object, notifier: Notifier): void {
  notifiers.set(db, notifier);
}
