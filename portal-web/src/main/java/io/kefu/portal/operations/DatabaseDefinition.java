package io.kefu.portal.operations;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The one data source. Everything comes from MicroProfile Config (environment variables {@code KEFU_DB_URL},
 * {@code KEFU_DB_USER}, {@code KEFU_DB_PASSWORD} or {@code -Dkefu.db.url=…}), so switching between the
 * embedded H2 default and PostgreSQL needs no rebuild. The defaults are inline because these placeholders do
 * not see {@code microprofile-config.properties}. {@link RoutingDataSource} picks the driver from the URL.
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
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.fail-all-connections=true"
        })
@WebListener
public class DatabaseDefinition implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // The annotation is the point of this class; a listener is simply a component Payara always scans.
    }
}
