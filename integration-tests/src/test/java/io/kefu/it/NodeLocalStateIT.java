package io.kefu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one node leaves behind when it dies, seen from another (issue 13): an import it was taking is given up by
 * whichever node reads it; the demo seed's lease is given back; readiness shows the data grid without depending on
 * it. The two-node run itself is {@code ClusterIT}.
 */
@ExtendWith(ArquillianExtension.class)
class NodeLocalStateIT {

    static final String PASSWORD = "kefu-demo-2026";
    static final String HUIJING = "/api/v1/tenants/huijing-property";

    @Deployment
    static WebArchive deployment() {
        return Deployments.portal(ImportProbe.class, ImportProbe.Rows.class, PortalClient.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    ImportProbe probe;

    @Test
    void anImportWhoseNodeDiedIsReportedFailedWithItsReasonAndNothingTaken() {
        PortalClient.awaitReady(base);
        long dead = probe.runningSince("huijing-property", Instant.now().minus(Duration.ofMinutes(6)));
        long alive = probe.runningSince("huijing-property", Instant.now().minus(Duration.ofMinutes(1)));
        PortalClient admin = PortalClient.basic(base, "huijing.admin", PASSWORD);

        JsonObject en = PortalClient.json(admin.language("en").get(HUIJING + "/residents/imports/" + dead));
        assertEquals("FAILED", en.getString("status"), en.toString());
        assertEquals(0, en.getInt("imported"));
        assertEquals(100, en.getInt("percent"), "the page's bar ends");
        assertTrue(en.getString("failure").contains("server node taking it stopped"), en.toString());
        JsonObject zh = PortalClient.json(admin.language("zh-CN").get(HUIJING + "/residents/imports/" + dead));
        assertTrue(zh.getString("failure").contains("节点已停止"), zh.toString());

        JsonObject running = PortalClient.json(admin.get(HUIJING + "/residents/imports/" + alive));
        assertEquals("RUNNING", running.getString("status"), "one minute of silence is no death: " + running);
        assertTrue(!running.containsKey("failure") || running.isNull("failure"), running.toString());

        HttpResponse<String> foreign = PortalClient.basic(base, "riverside.admin", PASSWORD)
                .get("/api/v1/tenants/riverside-mall/residents/imports/" + dead);
        assertEquals(404, foreign.statusCode(), "another tenant's import is not there: " + foreign.body());
    }

    @Test
    void theDemoSeedGivesItsLeaseBackAndReadinessShowsTheDataGrid() {
        PortalClient.awaitReady(base);
        assertTrue(probe.leaseFree("demo-seed"), "the node that seeded the demo gave the lease back");

        JsonObject health = PortalClient.json(PortalClient.anonymous(base).get("/health/ready"));
        assertEquals("UP", health.getString("status"), health.toString());
        JsonObject grid = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("dataGrid")).findFirst()
                .orElseThrow(() -> new AssertionError("no dataGrid check: " + health));
        assertEquals("UP", grid.getString("status"));
        assertEquals("1", grid.getJsonObject("data").get("dataGridMembers").toString().replace("\"", ""),
                "the test node's grid has itself as its one member: " + grid);
    }
}
