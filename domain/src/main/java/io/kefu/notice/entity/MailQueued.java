package io.kefu.notice.entity;

/**
 * A mail was put in the outbox by the current transaction. Fired by whoever queues one; observed after the commit
 * ({@code MailSoon}), so the mail goes out at once rather than at the next round of the delivery job.
 */
public record MailQueued() {
}
