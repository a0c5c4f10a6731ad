package io.kefu.portal.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kefu.portal.live.AlertsResource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notices' and alerts' bodies keep the names and the explicit nulls they had as maps. */
class NoticeBodiesTest {

    private final Jsonb jsonb = JsonbBuilder.create();

    @Test
    void aNoticeAboutAReportHasANullCaseNumberAndAnAlertNotYetAcknowledgedANullTime() {
        JsonObject listing = parse(jsonb.toJson(new NoticesResource.Listing(2, List.of(
                new NoticesResource.Item("REPORT_PUBLISHED", null, "2026-11", "2026-12-05T09:00:00+08:00", false)))));
        assertEquals(2, listing.getInt("unread"));
        JsonObject item = listing.getJsonArray("items").getJsonObject(0);
        assertEquals(Json.createObjectBuilder().add("kind", "REPORT_PUBLISHED").addNull("caseNumber")
                .add("reportMonth", "2026-11").add("createdAt", "2026-12-05T09:00:00+08:00").add("read", false)
                .build(), item);

        JsonObject alert = parse(jsonb.toJson(new AlertsResource.Alert(7L, "MAJOR", "202612-0001",
                "2026-12-05T09:00:00+08:00", null)));
        assertEquals(Json.createObjectBuilder().add("id", 7).add("kind", "MAJOR").add("caseNumber", "202612-0001")
                .add("createdAt", "2026-12-05T09:00:00+08:00").addNull("acknowledgedAt").build(), alert);
        assertEquals(3, parse(jsonb.toJson(new NoticesResource.Marked(3))).getInt("marked"));
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
