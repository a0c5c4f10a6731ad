package db.migration;

import io.kefu.callback.entity.CallbackTask;
import io.kefu.complaint.entity.TrackingToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Upgrades the data between V12 and V12_2, in Java so that the hash is exactly the one the application computes:
 * every case's existing tracking token becomes its first tracking key (the SHA-256 only; links residents already
 * have keep working), and every callback gets its random public key. Reads every tenant's rows: it runs as the
 * schema owner, before any tenant is in play.
 */
public class V12_1__Hash_tracking_tokens_and_key_callbacks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        try (Statement read = db.createStatement();
                ResultSet cases = read.executeQuery("SELECT id, tenant_id, tracking_token, registered_at FROM complaint");
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
}
