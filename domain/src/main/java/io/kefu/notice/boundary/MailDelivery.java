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
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the mail queue to the SMTP server from configuration ({@code KEFU_SMTP_HOST}, …), every ten seconds,
 * on the one node holding the mail job's lease. A mail that fails is retried later with a growing pause, up to
 * {@link OutboundMail#MAX_ATTEMPTS}; its last error is kept on the row.
 */
@Singleton
// No transaction around a round: each tenant, each case gets its own (a transaction never changes tenant).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailDelivery {

    static final String JOB = "mail";

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
        if (host.isPresent() && leases.take(JOB, Duration.ofSeconds(9))) {
            deliver();
        }
    }

    /** Sends what is queued; the number sent. */
    public int deliver() {
        Session session = session();
        int sent = 0;
        long stopAt = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        for (Long id : queue.pending()) {
            // Within this round's lease, and only the mails this node claimed: nothing goes out twice.
            if (System.nanoTime() > stopAt) {
                break;
            }
            if (!queue.claim(id)) {
                continue;
            }
            OutboundMail mail = queue.get(id);
            try {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(from));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
                message.setSubject(mail.subject(), "UTF-8");
                message.setText(mail.text(), "UTF-8");
                if (user.isPresent()) {
                    Transport.send(message, user.get(), password.orElse(""));
                } else {
                    Transport.send(message);
                }
                queue.sent(id);
                sent++;
            } catch (MessagingException | RuntimeException e) {
                queue.failed(id, e.getMessage());
            }
        }
        return sent;
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
