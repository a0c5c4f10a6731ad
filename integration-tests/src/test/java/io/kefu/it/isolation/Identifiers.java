package io.kefu.it.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kefu.it.MailServer;
import io.kefu.it.PortalClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a tenant's objects are called, read from the API's own answers to the tenant's own people (never built
 * from a known format): case numbers, tracking and survey tokens, campaign keys, callback, plan and import ids,
 * department, category, template and campaign codes, usernames, days, phrases, titles, versions; and the
 * tenant's settings documents, for requests whose body must be a whole, valid document.
 */
final class Identifiers {

    private static final Pattern SURVEY_LINK = Pattern.compile("/survey/([^/\"?#]+)\"");
    private static final Pattern INVITATION_LINK = Pattern.compile("invitation\\?token=([A-Za-z0-9_-]+)");

    final String slug;
    final List<String> numbers = new ArrayList<>();
    /** The cases the tenant's signed-in resident filed (the resident's own API and pages take these). */
    final List<String> residentNumbers = new ArrayList<>();
    final Map<String, Long> caseVersions = new LinkedHashMap<>();
    String openNumber;
    String closedNumber;
    String attachmentNumber;
    String attachmentSeq;
    String dispatchNumber;
    String dispatchSeq;
    final Set<String> allowedActions = new TreeSet<>();
    final List<String> trackingTokens = new ArrayList<>();
    final List<String> surveyTokens = new ArrayList<>();
    final List<String> campaignKeys = new ArrayList<>();
    final List<String> invitationTokens = new ArrayList<>();
    final List<String> campaignCodes = new ArrayList<>();
    final Map<String, Long> callbacks = new LinkedHashMap<>();
    final Map<String, Long> plans = new LinkedHashMap<>();
    final List<String> importIds = new ArrayList<>();
    /** Customer record keys with their versions (the register's people, made by the fixture's import). */
    final Map<String, Long> customers = new LinkedHashMap<>();
    /** Access grant keys: the fixture's pending request for its protected record, and any others. */
    final List<String> grants = new ArrayList<>();
    /** Hand-over references (HO-20261205-0001): the staff member's submitted hand-over. */
    final List<String> handovers = new ArrayList<>();
    /** The supervisor's open major-complaint alerts (notice ids), from the fixture's major case. */
    final List<String> alerts = new ArrayList<>();
    final Map<String, Long> departments = new LinkedHashMap<>();
    final List<String> categoryCodes = new ArrayList<>();
    final Map<String, Long> templates = new LinkedHashMap<>();
    String templateVersionNo;
    final List<String> usernames = new ArrayList<>();
    String staff;
    String supervisor;
    final List<String> days = new ArrayList<>();
    final List<String> phrases = new ArrayList<>();
    final List<String> cannedTitles = new ArrayList<>();
    final List<String[]> handlers = new ArrayList<>();
    String levelKind;
    String levelSeverity;
    JsonObject level;
    JsonObject office;
    JsonObject workspace;
    JsonObject policy;
    JsonObject surveySettings;
    JsonObject retention;

    private Identifiers(String slug) {
        this.slug = slug;
    }

    String slug() {
        return slug;
    }

    /**
     * Reads them as the tenant's supervisor and admin. The fixture's own objects come first in each list (only this
     * tenant has them); shared seeds such as the {@code engineering} department or the {@code satisfaction}
     * template follow (both tenants have them: found under the other tenant's path, they are that tenant's own).
     */
    static Identifiers read(TenantFixture fixture, PortalClient anonymous) throws Exception {
        Identifiers ids = new Identifiers(fixture.slug());
        PortalClient supervisor = fixture.person("supervisor");
        PortalClient admin = fixture.person("admin");
        ids.staff = TenantFixture.username(fixture.slug(), "staff");
        ids.supervisor = TenantFixture.username(fixture.slug(), "supervisor");
        // Two tokens are enough to try with (the tracking limit counts every try); the others stay secret, so
        // that one of them turning up anywhere would be a leak.
        ids.trackingTokens.addAll(fixture.trackingTokens().subList(0, 2));
        ids.importIds.addAll(fixture.importIds());

        for (JsonValue item : json(supervisor.get(ids.api("/complaints?size=100"))).getJsonArray("items")) {
            String number = item.asJsonObject().getString("number");
            JsonObject one = json(supervisor.get(ids.api("/complaints/" + number)));
            ids.numbers.add(number);
            ids.caseVersions.put(number, one.getJsonNumber("version").longValue());
            one.getJsonArray("allowedActions").forEach(a -> ids.allowedActions.add(((JsonString) a).getString()));
            String status = one.getString("status");
            if (status.equals("IN_PROGRESS")) {
                ids.openNumber = number;
            } else if (status.equals("CLOSED")) {
                ids.closedNumber = number;
            }
            if (!one.getJsonArray("attachments").isEmpty()) {
                ids.attachmentNumber = number;
                ids.attachmentSeq = one.getJsonArray("attachments").getJsonObject(0).get("seq").toString();
            }
            if (!one.getJsonArray("dispatchOrders").isEmpty()) {
                ids.dispatchNumber = number;
                ids.dispatchSeq = one.getJsonArray("dispatchOrders").getJsonObject(0).get("seq").toString();
            }
        }
        json(fixture.person("resident").get(ids.api("/my/complaints"))).getJsonArray("items")
                .forEach(c -> ids.residentNumbers.add(c.asJsonObject().getString("number")));
        for (String token : fixture.trackingTokens()) {
            Matcher link = SURVEY_LINK.matcher(anonymous.get("/t/" + ids.slug + "/track/" + token).body());
            if (link.find() && !link.group(1).equals("campaign")) {
                ids.surveyTokens.add(link.group(1));
            }
        }
        // The set-password link reaches the invited colleague by mail only.
        for (MimeMessage mail : MailServer.awaitMail(fixture.invitee() + "@isolation.kefu.invalid", "", 30)) {
            Matcher link = INVITATION_LINK.matcher(mail.getContent().toString());
            if (link.find()) {
                ids.invitationTokens.add(link.group(1));
            }
        }
        for (JsonValue item : json(supervisor.get(ids.api("/callbacks?view=all&size=100"))).getJsonArray("items")) {
            String id = text(item.asJsonObject().get("id"));
            ids.callbacks.put(id, json(supervisor.get(ids.api("/callbacks/" + id))).getJsonNumber("version")
                    .longValue());
        }
        for (JsonValue item : json(supervisor.get(ids.api("/customers?size=100"))).getJsonArray("items")) {
            String key = item.asJsonObject().getString("key");
            ids.customers.put(key, json(supervisor.get(ids.api("/customers/" + key))).getJsonNumber("version")
                    .longValue());
        }
        json(supervisor.get(ids.api("/alerts"))).getJsonArray("items")
                .forEach(a -> ids.alerts.add(a.asJsonObject().get("id").toString()));
        JsonObject grants = json(supervisor.get(ids.api("/grants")));
        for (String list : List.of("pending", "active")) {
            grants.getJsonArray(list).forEach(g -> ids.grants.add(g.asJsonObject().getString("key")));
        }
        for (JsonValue item : json(supervisor.get(ids.api("/handovers?size=100"))).getJsonArray("items")) {
            ids.handovers.add(item.asJsonObject().getString("ref"));
        }
        for (JsonValue item : array(admin.get(ids.api("/settings/courtesy-plans")))) {
            ids.plans.put(text(item.asJsonObject().get("id")), item.asJsonObject().getJsonNumber("version")
                    .longValue());
        }
        for (JsonValue item : array(admin.get(ids.api("/surveys/campaigns")))) {
            String link = item.asJsonObject().getString("link");
            ids.campaignCodes.add(item.asJsonObject().getString("code"));
            ids.campaignKeys.add(link.substring(link.lastIndexOf('/') + 1));
        }
        mineFirst(array(admin.get(ids.api("/departments"))), fixture.departmentCode()).forEach(d ->
                ids.departments.put(d.getString("code"), d.getJsonNumber("version").longValue()));
        array(admin.get(ids.api("/categories")))
                .forEach(c -> ids.categoryCodes.add(c.asJsonObject().getString("code")));
        List<JsonObject> templates = mineFirst(array(admin.get(ids.api("/surveys/templates"))), fixture.templateCode());
        templates.forEach(t -> ids.templates.put(t.getString("code"), t.getJsonNumber("version").longValue()));
        ids.templateVersionNo = templates.get(0).get("versionNo").toString();
        json(admin.get(ids.api("/people?size=100"))).getJsonArray("items")
                .forEach(p -> ids.usernames.add(p.asJsonObject().getString("username")));
        ids.usernames.remove(fixture.invitee());
        ids.usernames.add(0, fixture.invitee());
        array(admin.get(ids.api("/settings/calendar-days")))
                .forEach(d -> ids.days.add(d.asJsonObject().getString("day")));
        mineFirst(array(admin.get(ids.api("/settings/forbidden-phrases"))), fixture.phrase()).forEach(p ->
                ids.phrases.add(p.getString("phrase")));
        mineFirst(array(admin.get(ids.api("/settings/canned-replies"))), fixture.cannedTitle()).forEach(c ->
                ids.cannedTitles.add(c.getString("title")));
        array(admin.get(ids.api("/settings/handlers"))).forEach(h -> ids.handlers.add(new String[] {
            h.asJsonObject().getString("departmentCode"), h.asJsonObject().getString("username")}));
        ids.level = array(admin.get(ids.api("/settings/service-levels"))).getJsonObject(0);
        ids.levelKind = ids.level.getString("kind");
        ids.levelSeverity = ids.level.getString("severity");
        ids.office = json(admin.get(ids.api("/settings/office")));
        ids.workspace = json(admin.get(ids.api("/settings/workspace")));
        ids.policy = json(admin.get(ids.api("/settings/callback-policy")));
        ids.surveySettings = json(admin.get(ids.api("/surveys/settings")));
        ids.retention = json(admin.get(ids.api("/settings/retention")));

        assertFalse(ids.surveyTokens.isEmpty(), "the closed case's survey link on its tracking page");
        assertFalse(ids.invitationTokens.isEmpty(), "the invited colleague's set-password link");
        for (Object found : new Object[] {ids.openNumber, ids.closedNumber, ids.attachmentNumber, ids.dispatchNumber}) {
            assertFalse(found == null, "a case of every kind in " + ids.slug + ": " + ids.numbers);
        }
        assertEquals(1, ids.callbacks.size(), "the closed case's callback");
        assertEquals(1, ids.residentNumbers.size(), "the resident's own case");
        assertFalse(ids.customers.isEmpty(), "the imported residents' customer records");
        assertFalse(ids.grants.isEmpty(), "the staff member's pending access request");
        assertFalse(ids.alerts.isEmpty(), "the supervisor's alert of the major case");
        return ids;
    }

    String api(String rest) {
        return "/api/v1/tenants/" + slug + rest;
    }

    String department() {
        return departments.keySet().iterator().next();
    }

    String template() {
        return templates.keySet().iterator().next();
    }

    String callback() {
        return callbacks.keySet().iterator().next();
    }

    String plan() {
        return plans.keySet().iterator().next();
    }

    /** Every identifier the matrix may put into a path or body: the attackers know these, they cannot leak. */
    List<String> all() {
        List<String> all = new ArrayList<>(numbers);
        all.addAll(trackingTokens);
        all.addAll(surveyTokens);
        all.addAll(campaignKeys);
        all.addAll(invitationTokens);
        all.addAll(campaignCodes);
        all.addAll(callbacks.keySet());
        all.addAll(plans.keySet());
        all.addAll(importIds);
        all.addAll(customers.keySet());
        all.addAll(grants);
        all.addAll(handovers);
        all.addAll(departments.keySet());
        all.addAll(categoryCodes);
        all.addAll(templates.keySet());
        all.addAll(usernames);
        all.add(staff);
        all.add(supervisor);
        all.addAll(days);
        all.addAll(phrases);
        all.addAll(cannedTitles);
        handlers.forEach(h -> all.addAll(List.of(h)));
        return all;
    }

    /** An identifier as the answer spells it, whether a JSON string or a number. */
    static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static List<JsonObject> mineFirst(JsonArray items, String mine) {
        List<JsonObject> ordered = new ArrayList<>();
        for (JsonValue item : items) {
            JsonObject object = item.asJsonObject();
            if (object.values().stream().anyMatch(v -> v.toString().equals("\"" + mine + "\""))) {
                ordered.add(0, object);
            } else {
                ordered.add(object);
            }
        }
        assertFalse(ordered.isEmpty() || !ordered.get(0).toString().contains(mine), mine + " in " + items);
        return ordered;
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.request().uri() + ": " + response.body());
        return PortalClient.json(response);
    }

    private static JsonArray array(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.request().uri() + ": " + response.body());
        return PortalClient.jsonArray(response);
    }
}
