package io.kefu.portal.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The intake form's and "my cases" bodies keep the names and nesting they had as maps. */
class IntakeBodyTest {

    @Test
    void theFormNamesTheTenantItsChoicesAndItsFileLimits() throws Exception {
        IntakeResource.Form form = new IntakeResource.Form(new IntakeResource.TenantName("huijing-property", "汇景物业"),
                true, List.of("COMPLAINT", "REPAIR"), List.of(new IntakeResource.Choice("noise", "噪音")),
                List.of("kind", "description", "contactPhone"),
                new IntakeResource.Attachments(5, 10_485_760, 26_214_400, List.of("image/jpeg")));
        MyCasesResource.Mine mine = new MyCasesResource.Mine(List.of(new MyCasesResource.MyCase("202612-0001",
                "COMPLAINT", "REGISTERED", "2026-12-05T09:00:00+08:00",
                "/t/huijing-property/my/cases/202612-0001")), 1);
        try (var jsonb = JsonbBuilder.create()) {
            assertEquals(Json.createReader(new StringReader("{\"tenant\":{\"slug\":\"huijing-property\",\"name\":"
                    + "\"汇景物业\"},\"anonymousAllowed\":true,\"kinds\":[\"COMPLAINT\",\"REPAIR\"],\"categories\":"
                    + "[{\"code\":\"noise\",\"name\":\"噪音\"}],\"requiredFields\":[\"kind\",\"description\","
                    + "\"contactPhone\"],\"attachments\":{\"maxFiles\":5,\"maxBytes\":10485760,\"maxRequestBytes\":"
                    + "26214400,\"types\":[\"image/jpeg\"]}}")).readObject(), parse(jsonb.toJson(form)));
            assertEquals(Json.createReader(new StringReader("{\"items\":[{\"number\":\"202612-0001\",\"kind\":"
                    + "\"COMPLAINT\",\"status\":\"REGISTERED\",\"registeredAt\":\"2026-12-05T09:00:00+08:00\","
                    + "\"trackingUrl\":\"/t/huijing-property/my/cases/202612-0001\"}],\"total\":1}")).readObject(),
                    parse(jsonb.toJson(mine)));
        }
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
