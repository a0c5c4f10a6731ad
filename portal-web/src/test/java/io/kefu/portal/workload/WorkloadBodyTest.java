package io.kefu.portal.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.workload.entity.Workload;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workload body keeps the names and the explicit nulls it had as a map. */
class WorkloadBodyTest {

    @Test
    void countsWithoutAnInboxFilterSayNullAndTheOthersNameTheirQuery() throws Exception {
        WorkloadResource.Listing listing = new WorkloadResource.Listing(List.of(
                WorkloadResource.Person.of(new Workload("huijing.staff", null, 3, 1, 2, 4))));
        try (var jsonb = JsonbBuilder.create()) {
            JsonObject person = Json.createReader(new StringReader(jsonb.toJson(listing))).readObject()
                    .getJsonArray("people").getJsonObject(0);
            assertEquals("huijing.staff", person.getString("username"));
            assertTrue(person.isNull("displayName"), person.toString());
            assertEquals(3, person.getJsonObject("openCases").getInt("count"));
            assertFalse(person.getJsonObject("openCases").isNull("inbox"), person.toString());
            assertTrue(person.getJsonObject("dueToday").isNull("inbox"), person.toString());
            assertEquals(4, person.getJsonObject("callbacksDue").getInt("count"));
        }
    }
}
