package io.kefu.portal.operations;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that chooses the real driver's data source from the JDBC URL, so one configuration value
 * ({@code KEFU_DB_URL}) switches between PostgreSQL and embedded H2. Payara pools its connections; this class
 * only creates them.
 *
 * <p>The embedded default is an H2 file under {@code kefu.data.dir} (default {@code ./data}). {@code MODE=LEGACY}
 * because EclipseLink asks H2 2.x for {@code IDENTITY()} after inserts. Where the embedded default runs is
 * decided here, and {@link #isEmbedded(String)} lets demo seeding ask the same question.
 */
public class RoutingDataSource implements DataSource {

    /** The configured URL when nothing was configured: an H2 file under {@code kefu.data.dir}. */
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
        return target().getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return target().getConnection(username, pass);
    }

    private synchronized DataSource target() throws SQLException {
        if (target == null) {
            target = create(url);
        }
        return target;
    }

    /** The vendor data source for a URL; only PostgreSQL and H2 are supported. */
    static DataSource create(String configured) throws SQLException {
        if (configured == null || configured.isBlank()) {
            throw new SQLException("No database URL configured (KEFU_DB_URL)");
        }
        String url = isEmbedded(configured) ? embeddedUrl() : configured;
        String className;
        if (url.startsWith("jdbc:postgresql:")) {
            className = "org.postgresql.ds.PGSimpleDataSource";
        } else if (url.startsWith("jdbc:h2:")) {
            className = "org.h2.jdbcx.JdbcDataSource";
        } else {
            throw new SQLException("Unsupported database URL (PostgreSQL or H2 only): "
                    + url.substring(0, Math.min(url.length(), 20)));
        }
        try {
            ClassLoader loader = RoutingDataSource.class.getClassLoader();
            DataSource dataSource = (DataSource) Class.forName(className, true, loader).getConstructor().newInstance();
            dataSource.getClass().getMethod("setURL", String.class).invoke(dataSource, url);
            return dataSource;
        } catch (ReflectiveOperationException e) {
            throw new SQLException("Cannot create the data source " + className, e);
        }
    }

    public static boolean isEmbedded(String configuredUrl) {
        return EMBEDDED_DEFAULT.equals(configuredUrl);
    }

    static String embeddedUrl() {
        // MicroProfile Config is not available yet when the pool opens its first connection (during deployment),
        // so the two sources it would read are asked directly.
        String dir = Optional.ofNullable(System.getProperty("kefu.data.dir"))
                .or(() -> Optional.ofNullable(System.getenv("KEFU_DATA_DIR")))
                .filter(d -> !d.isBlank())
                .orElse("data");
        return "jdbc:h2:file:" + Path.of(dir, "kefu").toAbsolutePath() + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
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
