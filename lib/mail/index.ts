// The mail subsystem's public API. Domain code queues mail with a typed send…() helper inside its
// own transaction, then calls scheduleDrain() once the transaction has committed.
export { enqueueMail, enqueueMails, idempotencyKey, outboxRow, listOutbox, countOutboxByStatus, retryOutboxMessage, listMailbox, getMailboxMessage } from "./outbox";
export type { NewMail, OutboxSummary, Page } from "./outbox";
export { sendMagicLink, libraryName } from "./send";
export { drainOutbox, scheduleDrain, startMailTimer, backoffMs, takePacerSlot } from "./sender";
export type { DrainOptions, DrainResult } from "./sender";
export { TransportError, resendTransport, devMailboxTransport, getTransport, isDevMailboxEnabled, parseRetryAfter } from "./transports";
export type { MailTransport } from "./transports";
export { renderEmail, renderEmailTemplate, cachedEmailTemplate, placeholders, emailTranslator, emailMessages, formatMailDate, perLocale } from "./render";
export type { OutboxMessage, OutboxStatus } from "@/db/schema/mail";
