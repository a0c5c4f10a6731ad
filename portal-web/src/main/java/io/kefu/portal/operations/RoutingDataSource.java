package io.kefu.portal.operations;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source behind the pool: PostgreSQL at {@code KEFU_DB_URL}, or, when that is {@code embedded} (the
 * default), the PostgreSQL that Kefu starts itself under {@code KEFU_DATA_DIR} ({@link EmbeddedDatabase}). One
 * configuration value switches, no rebuild. Payara pools the connections; this class only creates them.
 * {@link #isEmbedded(String)} lets demo seeding ask the same question.
 */
public class RoutingDataSource implements DataSource {

    /** The configured URL when nothing was configured: the embedded PostgreSQL under {@code kefu.data.dir}. */
    public static final String EMBEDDED_DEFAULT = "embedded";

    private String url;
    private String user;
    private String password;
    private DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    public void setUrl(String url) {
        this.url = url;
        this.target = null;
    }

    public void setURL(String url) {
        setUrl(url);
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    /** The pool passes the configured account; the target already carries it (or the embedded server's own). */
    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return target().getConnection();
    }

    private synchronized DataSource target() throws SQLException {
        if (target == null) {
            target = create(url, user, password);
        }
        return target;
    }

    /** The PostgreSQL data source for a configured URL, user and password. */
    static DataSource create(String configured, String user, String password) throws SQLException {
        if (configured == null || configured.isBlank()) {
            throw new SQLException("No database URL configured (KEFU_DB_URL)");
        }
        if (isEmbedded(configured)) {
            return EmbeddedDatabase.start(dataDirectory()).dataSource();
        }
        if (!configured.startsWith("jdbc:postgresql:")) {
            throw new SQLException("Unsupported database URL (PostgreSQL only, or \"embedded\"): "
                    + configured.substring(0, Math.min(configured.length(), 20)));
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(configured);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    public static boolean isEmbedded(String configuredUrl) {
        return EMBEDDED_DEFAULT.equals(configuredUrl);
    }

    static Path dataDirectory() {
        // MicroProfile Config is not available yet when the pool opens its first connection (during deployment),
        // so the two sources it would read are asked directly.
        String dir = Optional.ofNullable(System.getProperty("kefu.data.dir"))
                .or(() -> Optional.ofNullable(System.getenv("KEFU_DATA_DIR")))
                .filter(d -> !d.isBlank())
                .orElse("data");
        return Path.of(dir);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
