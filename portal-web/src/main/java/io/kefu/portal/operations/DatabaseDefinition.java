package io.kefu.portal.operations;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The one data source. Everything comes from MicroProfile Config (environment variables {@code KEFU_DB_URL},
 * {@code KEFU_DB_USER}, {@code KEFU_DB_PASSWORD} or {@code -Dkefu.db.url=…}), so switching between the
 * embedded PostgreSQL default and another server needs no rebuild. The defaults are inline because these
 * placeholders do not see {@code microprofile-config.properties}. {@link RoutingDataSource} starts the embedded
 * server when asked to.
 *
 * <p>Every connection is validated when it leaves the pool ({@code Connection.isValid}, one empty round trip),
 * and one that fails drops the whole pool: after a restart of PostgreSQL every pooled connection is dead, and
 * the next request gets a fresh one instead of an error, without a restart of Kefu.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/kefu",
        className = "io.kefu.portal.operations.RoutingDataSource",
        url = "${MPCONFIG=kefu.db.url:" + RoutingDataSource.EMBEDDED_DEFAULT + "}",
        user = "${MPCONFIG=kefu.db.user:kefu}",
        password = "${MPCONFIG=kefu.db.password:kefu}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true"
        })
@WebListener
public class DatabaseDefinition implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // The annotation is the point of this class; a listener is simply a component Payara always scans.
    }
}
