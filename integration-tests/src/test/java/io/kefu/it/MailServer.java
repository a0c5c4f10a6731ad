package io.kefu.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail) for the test run, once per JVM, before Payara Micro boots and is told its port
 * ({@code kefu.smtp.port}). Tests running as clients read what the portal sent.
 */
public class MailServer implements BeforeAllCallback {

    private static GreenMail server;

    @Override
    public void beforeAll(ExtensionContext context) {
        startOnce();
    }

    static synchronized void startOnce() {
        String port = System.getProperty("kefu.it.smtp.port");
        if (server != null || port == null || port.isBlank()) {
            return;
        }
        server = new GreenMail(new ServerSetup(Integer.parseInt(port), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }

    /**
     * The messages to {@code recipient} whose subject contains {@code subjectPart}, waiting up to {@code seconds}
     * for at least one (the portal delivers its queue every ten seconds).
     */
    public static List<MimeMessage> awaitMail(String recipient, String subjectPart, int seconds) throws Exception {
        startOnce();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            List<MimeMessage> found = matching(recipient, subjectPart);
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(500);
        }
    }

    /** What arrived so far for {@code recipient} with {@code subjectPart} in the subject. */
    public static List<MimeMessage> matching(String recipient, String subjectPart) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            boolean toRecipient = Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString()
                    .equalsIgnoreCase(recipient));
            if (toRecipient && message.getSubject() != null && message.getSubject().contains(subjectPart)) {
                found.add(message);
            }
        }
        return found;
    }

    /** Everything that arrived so far, for every recipient. */
    public static List<MimeMessage> received() {
        startOnce();
        return List.of(server.getReceivedMessages());
    }

    /** The plain text of a message, also when it is multipart (text and HTML alternatives, as Keycloak sends). */
    public static String text(MimeMessage message) throws Exception {
        return text((jakarta.mail.Part) message);
    }

    private static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    /** The first web address in the newest message to {@code recipient} that contains {@code marker}. */
    public static String link(String recipient, String marker, int seconds) throws Exception {
        List<MimeMessage> mails = awaitMail(recipient, "", seconds);
        if (mails.isEmpty()) {
            throw new AssertionError("no mail to " + recipient);
        }
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("https?://[^\\s\"<>]+")
                .matcher(text(mails.get(mails.size() - 1)));
        while (links.find()) {
            if (links.group().contains(marker)) {
                return links.group().replace("&amp;", "&");
            }
        }
        throw new AssertionError("no link with " + marker + " in the mail to " + recipient);
    }
}
