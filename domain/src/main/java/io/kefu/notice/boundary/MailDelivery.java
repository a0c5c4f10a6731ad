package io.kefu.notice.boundary;

import io.kefu.job.JobLeases;
import io.kefu.notice.entity.OutboundMail;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the mail queue to the SMTP server from configuration ({@code KEFU_SMTP_HOST}, …), right after a mail
 * is queued ({@link MailSoon}) and every ten seconds, on the one node holding the mail job's lease. A mail that
 * fails is retried later with a growing pause, up to {@link OutboundMail#MAX_ATTEMPTS}; its last error is kept on
 * the row.
 */
@Singleton
// No transaction around a round: each tenant, each case gets its own (a transaction never changes tenant).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDelivery {

    static final String JOB = "mail";
    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());
    /** Well inside a claim ({@link MailQueue#CLAIM}), so no other round sends the mail while this one records it. */
    private static final Duration RECORD_SENT_RETRIES = Duration.ofSeconds(20);

    @Inject
    JobLeases leases;

    @Inject
    MailQueue queue;

    @Inject
    @ConfigProperty(name = "kefu.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "kefu.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "kefu.smtp.from", defaultValue = "kefu@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "kefu.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "kefu.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "kefu.smtp.starttls", defaultValue = "false")
    boolean startTls;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void everyTenSeconds() {
        now();
    }

    /**
     * A round now, unless another node holds the job's lease (it is sending). The lease is given back when the
     * round ends, so that a mail queued a moment later goes at once ({@link MailSoon}) instead of at the next round.
     */
    public void now() {
        if (host.isPresent() && leases.take(JOB, Duration.ofSeconds(9))) {
            try {
                deliver();
            } finally {
                leases.release(JOB);
            }
        }
    }

    /**
     * Sends what is queued over one SMTP connection; the number sent. Only mails this node claimed go out, so two
     * nodes never send the same one. Sending and recording a mail as sent cannot be one step: if the database is
     * away at that moment (a restart), recording is retried while the claim holds; only a node that dies between
     * the two lets the claim expire, and then the mail goes again (at least once, never lost), under the same
     * Message-ID.
     */
    public int deliver() {
        List<Long> pending = queue.pending();
        if (pending.isEmpty()) {
            return 0;
        }
        Session session = session();
        int sent = 0;
        long stopAt = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(host.orElse("localhost"), port, user.orElse(null), password.orElse(null));
            for (Long id : pending) {
                if (System.nanoTime() > stopAt || !transport.isConnected()) {
                    break;
                }
                if (!queue.claim(id)) {
                    continue;
                }
                OutboundMail mail = queue.get(id);
                try {
                    MimeMessage message = new QueuedMessage(session, mail);
                    message.setFrom(new InternetAddress(from));
                    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
                    message.setSubject(mail.subject(), "UTF-8");
                    content(message, mail);
                    message.saveChanges();
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (MessagingException | RuntimeException e) {
                    recordFailed(id, e);
                    continue;
                }
                recordSent(id);
                sent++;
            }
        } catch (MessagingException unreachable) {
            LOG.warning(() -> "Mail server unreachable, the queue waits: " + unreachable.getMessage());
        }
        return sent;
    }

    /** The text, and the attached file when the mail has one (a published monthly table's PDF). */
    private static void content(MimeMessage message, OutboundMail mail) throws MessagingException {
        if (mail.attachment() == null) {
            message.setText(mail.text(), "UTF-8");
            return;
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.attachment().content(),
                mail.attachment().mediaType())));
        try {
            file.setFileName(MimeUtility.encodeText(mail.attachment().name(), "UTF-8", "B"));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8", e);
        }
        message.setContent(new MimeMultipart(text, file));
    }

    private void recordFailed(long id, Exception failure) {
        try {
            queue.failed(id, failure.getMessage());
        } catch (RuntimeException databaseAway) {
            // The claim expires by itself and the mail is tried again.
            LOG.log(Level.FINE, "could not record a failed mail", databaseAway);
        }
    }

    /** Records a sent mail, retrying while the database is away (a restart takes seconds; the claim longer). */
    private void recordSent(long id) {
        long giveUpAt = System.nanoTime() + RECORD_SENT_RETRIES.toNanos();
        while (true) {
            try {
                queue.sent(id);
                return;
            } catch (RuntimeException databaseAway) {
                if (System.nanoTime() > giveUpAt) {
                    LOG.log(Level.WARNING, "Mail " + id + " was sent but could not be recorded; it will go again",
                            databaseAway);
                    return;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * A message whose Message-ID is its queue row's, the same on every try. Sending and recording it as sent cannot
     * be one step: a node that dies between the two leaves a claim that expires, and the mail goes out again. With
     * a stable Message-ID that repeat is recognisable as the same message (mail clients show it once).
     */
    static final class QueuedMessage extends MimeMessage {

        private final String messageId;

        QueuedMessage(Session session, OutboundMail mail) {
            super(session);
            this.messageId = "<kefu-mail-" + mail.id() + "." + mail.createdAt().toInstant().toEpochMilli() + "@"
                    + domainOf(mail) + ">";
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }

        private static String domainOf(OutboundMail mail) {
            return "kefu.tenant-" + mail.tenantId();
        }
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.orElse("localhost"));
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.auth", String.valueOf(user.isPresent()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        return Session.getInstance(properties);
    }
}
