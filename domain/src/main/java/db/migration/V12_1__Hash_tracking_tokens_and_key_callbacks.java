package db.migration;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.TrackingToken;
import io.kefu.notice.entity.OutboundMail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Upgrades the data between V12 and V12_2, in Java so that the hash is exactly the one the application computes:
 * every case's existing tracking token becomes its first tracking key (the SHA-256 only; links residents already
 * have keep working), mails no longer keep tracking links once sent, and every callback gets its random public
 * key. Reads every tenant's rows: it runs as the schema owner, before any tenant is in play.
 */
public class V12_1__Hash_tracking_tokens_and_key_callbacks extends BaseJavaMigration {

    /** The tracking link at the end of a resident's mail, as {@code Notices} writes it. */
    private static final Pattern TRACKING_LINK = Pattern.compile("\\S*/track/[A-Za-z0-9_-]{43}\\s*$");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        try (Statement read = db.createStatement();
                ResultSet cases = read.executeQuery("SELECT id, tenant_id, tracking_token, registered_at "
                        + "FROM complaint");
                PreparedStatement key = db.prepareStatement("INSERT INTO tracking_key (tenant_id, complaint_id, "
                        + "token_hash, issued_at) VALUES (?, ?, ?, ?)")) {
            while (cases.next()) {
                key.setLong(1, cases.getLong("tenant_id"));
                key.setLong(2, cases.getLong("id"));
                key.setString(3, TrackingToken.hash(cases.getString("tracking_token")));
                key.setObject(4, cases.getObject("registered_at"));
                key.addBatch();
            }
            key.executeBatch();
        }
        separateTrackingLinksFromMails(db);
        try (Statement read = db.createStatement();
                ResultSet tasks = read.executeQuery("SELECT id FROM callback_task WHERE public_key IS NULL");
                PreparedStatement key = db.prepareStatement("UPDATE callback_task SET public_key = ? WHERE id = ?")) {
            while (tasks.next()) {
                key.setString(1, CallbackTask.newPublicKey());
                key.setLong(2, tasks.getLong("id"));
                key.addBatch();
            }
            key.executeBatch();
        }
    }

    /**
     * Mails keep their text, not the tracking link at its end: a queued one keeps it apart until it is sent, one
     * already sent (or given up) loses it, as the resident has it in their mailbox.
     */
    private static void separateTrackingLinksFromMails(Connection db) throws SQLException {
        try (Statement read = db.createStatement();
                ResultSet mails = read.executeQuery("SELECT id, body, sent_at, attempts FROM outbound_mail "
                        + "WHERE body LIKE '%/track/%'");
                PreparedStatement update = db.prepareStatement("UPDATE outbound_mail SET body = ?, private_link = ? "
                        + "WHERE id = ?")) {
            while (mails.next()) {
                Matcher link = TRACKING_LINK.matcher(mails.getString("body"));
                if (!link.find()) {
                    continue;
                }
                boolean pending = mails.getObject("sent_at") == null
                        && mails.getInt("attempts") < OutboundMail.MAX_ATTEMPTS;
                update.setString(1, mails.getString("body").substring(0, link.start()));
                update.setString(2, pending ? link.group().strip() : null);
                update.setLong(3, mails.getLong("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
