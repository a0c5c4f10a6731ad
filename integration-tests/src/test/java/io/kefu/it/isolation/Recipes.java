package io.kefu.it.isolation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How the matrix calls every operation of the API: one recipe per operation of the OpenAPI document (a new
 * operation without one fails the matrix), each making the calls for a {@link Side}: the identifiers of the side
 * in every path parameter they fit (all of them, one call each, where the operation names an object) and a body
 * that would be valid for the path's tenant, so that a refusal is the tenant wall's and not a bad request's.
 */
final class Recipes {

    /** Who may call an operation at all: what the matrix expects from a stranger on the tenant's path. */
    enum Exposure {
        /** The tenant's own people only: strangers get 401, 403 or 404. */
        TENANT,
        /** Anybody reads it (the tenant's name, intake form, logo): it shows only what the tenant publishes. */
        PUBLIC,
        /** Anybody who holds the secret in its path (tracking token, survey link, campaign key). */
        CAPABILITY,
        /** Filing a case: open to anybody where the tenant allows it; a stranger files as a member of the public. */
        FILING,
        /** The platform operator's: nobody else, tenant admins included. */
        PLATFORM,
        /** Any signed-in person, about themselves only. */
        SELF
    }

    record Recipe(String operation, Exposure exposure, Function<Side, List<Call>> calls) {
    }

    static final String TENANT = "/api/v1/tenants/{tenant}";
    /** The month each filled tenant has a monthly statistics table (a draft) for ({@link TenantFixture}). */
    static final String REPORT_MONTH = "2026-01";
    /** The month each filled tenant has a customer base entry for ({@link TenantFixture}). */
    static final String CUSTOMER_BASE_MONTH = "2026-01";
    /** The quarter the matrix asks reports and actions of. */
    static final String QUARTER = "2026-Q1";

    /** The case actions the API takes in {@code actions/{action}}, with a body each would accept. */
    static final Map<String, Function<Side, JsonObjectBuilder>> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("accept", s -> object());
        ACTIONS.put("classify", s -> object().add("categoryCode", s.ids().categoryCodes.get(0))
                .add("severity", "SERIOUS").add("kind", "COMPLAINT"));
        ACTIONS.put("route", s -> object().add("departmentCode", s.ids().department()).add("note", "越权转派"));
        ACTIONS.put("handover", s -> object().add("toUser", s.ids().staff).add("reason", "越权交接"));
        ACTIONS.put("promise", s -> object().add("replyBy", "2031-01-03T10:00:00+08:00").add("note", "越权承诺"));
        ACTIONS.put("note", s -> object().add("text", "越权备注"));
        ACTIONS.put("reply", s -> object().add("text", "您好，这是越权回复，谢谢，再见！"));
        ACTIONS.put("request-information", s -> object().add("text", "越权询问"));
        ACTIONS.put("add-information", s -> object().add("text", "越权补充"));
        ACTIONS.put("resolve", s -> object().add("resolution", "越权解决"));
        ACTIONS.put("reject", s -> object().add("reason", "越权驳回"));
        ACTIONS.put("approve-rejection", s -> object().add("note", "越权同意"));
        ACTIONS.put("deny-rejection", s -> object().add("note", "越权不同意"));
        ACTIONS.put("reopen", s -> object().add("reason", "越权重开"));
        ACTIONS.put("withdraw", s -> object().add("reason", "越权撤回"));
        ACTIONS.put("close", s -> object());
        ACTIONS.put("callback", s -> object());
        ACTIONS.put("confirm", s -> object());
        ACTIONS.put("acknowledge", s -> object());
    }

    private final Map<String, Recipe> recipes = new LinkedHashMap<>();

    private Recipes() {
        complaints();
        callbacks();
        reports();
        workspace();
        settings();
        surveys();
        people();
        platform();
        monthlyReports();
        confidentiality();
        privacy();
        promises();
        handovers();
    }

    /** Every recipe, by operation ({@code METHOD /path} as the OpenAPI document writes it). */
    static Map<String, Recipe> all() {
        return new Recipes().recipes;
    }

    /** The recipes of the operations the running API documents, in the same order. */
    static Map<String, Recipe> of(Set<String> documented) {
        Map<String, Recipe> known = new LinkedHashMap<>(all());
        known.keySet().retainAll(documented);
        return known;
    }

    private void complaints() {
        tenant("GET", "", Exposure.PUBLIC, s -> List.of(Call.get(s.api(""))));
        tenant("GET", "/intake", Exposure.PUBLIC, s -> List.of(Call.get(s.api("/intake"))));
        tenant("GET", "/logo", Exposure.PUBLIC, s -> List.of(Call.get(s.api("/logo"))));
        tenant("POST", "/complaints", Exposure.FILING, s -> List.of(Call.json("POST", s.api("/complaints"), object()
                .add("kind", "COMPLAINT").add("categoryCode", s.ids().categoryCodes.get(0)).add("channel", "PHONE")
                .add("description", "另一租户的人来登记").add("contactPhone", "13700137000").build())));
        tenant("GET", "/complaints", Exposure.TENANT, s -> List.of(Call.get(s.api("/complaints?size=100&owner="
                + s.ids().staff)), Call.get(s.api("/complaints?department=" + s.ids().department()))));
        tenant("GET", "/complaints/{number}", Exposure.TENANT, s -> each(s.ids().numbers,
                n -> Call.get(s.api("/complaints/" + n))));
        tenant("POST", "/complaints/{number}/actions/{action}", Exposure.TENANT, s -> each(ACTIONS.keySet(),
                a -> Call.json("POST", s.api("/complaints/" + s.ids().openNumber + "/actions/" + a), ACTIONS.get(a)
                        .apply(s).add("version", s.ids().caseVersions.get(s.ids().openNumber)).build())));
        tenant("PUT", "/complaints/{number}/unit", Exposure.TENANT, s -> List.of(Call.json("PUT",
                s.api("/complaints/" + s.ids().openNumber + "/unit"), object().add("building", "1栋")
                        .add("number", "101").add("version", s.ids().caseVersions.get(s.ids().openNumber)).build())));
        tenant("GET", "/complaints/{number}/attachments/{seq}", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/complaints/" + s.ids().attachmentNumber + "/attachments/" + s.ids().attachmentSeq))));
        tenant("GET", "/complaints/{number}/form.pdf", Exposure.TENANT, s -> each(s.ids().numbers,
                n -> Call.get(s.api("/complaints/" + n + "/form.pdf"))));
        tenant("GET", "/complaints/{number}/sheet.pdf", Exposure.TENANT, s -> each(s.ids().numbers,
                n -> Call.get(s.api("/complaints/" + n + "/sheet.pdf"))));
        tenant("GET", "/forms/registration.pdf", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/forms/registration.pdf"))));
        tenant("POST", "/complaints/{number}/dispatch-orders", Exposure.TENANT, s -> each(List.of(s.ids().openNumber,
                s.ids().dispatchNumber), n -> Call.json("POST", s.api("/complaints/" + n + "/dispatch-orders"),
                        object().add("worker", "越权师傅").add("appointment", "2031-01-02T10:00:00+08:00")
                                .add("parts", "越权").build())));
        tenant("POST", "/complaints/{number}/dispatch-orders/{seq}/result", Exposure.TENANT, s -> List.of(Call.json(
                "POST", s.api("/complaints/" + s.ids().dispatchNumber + "/dispatch-orders/" + s.ids().dispatchSeq
                        + "/result"), object().add("result", "越权完工").add("parts", "越权").build())));
        tenant("GET", "/complaints/{number}/compensations", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/complaints/" + s.ids().openNumber + "/compensations"))));
        tenant("POST", "/complaints/{number}/compensations", Exposure.TENANT, s -> List.of(Call.json("POST", s.api(
                "/complaints/" + s.ids().openNumber + "/compensations"), object().add("type", "REFUND")
                        .add("amount", "1").add("reason", "越权补偿").build())));
        tenant("POST", "/complaints/{number}/compensations/{seq}/approval", Exposure.TENANT, s -> List.of(Call.json(
                "POST", s.api("/complaints/" + s.ids().openNumber + "/compensations/1/approval"), object().build())));
        tenant("POST", "/complaints/{number}/compensations/{seq}/refusal", Exposure.TENANT, s -> List.of(Call.json(
                "POST", s.api("/complaints/" + s.ids().openNumber + "/compensations/1/refusal"), object()
                        .add("reason", "越权驳回").build())));
        tenant("GET", "/settings/compensation-policy", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/settings/compensation-policy"))));
        tenant("PUT", "/settings/compensation-policy", Exposure.TENANT, s -> List.of(Call.json("PUT", s.api(
                "/settings/compensation-policy"), object().add("staffLimit", "1").add("supervisorLimit", "1")
                        .add("version", 0).build())));
        tenant("GET", "/my/complaints", Exposure.TENANT, s -> List.of(Call.get(s.api("/my/complaints"))));
        // A resident's own cases by number, where the API has them (as through the tracking link, without it).
        tenant("GET", "/my/complaints/{number}", Exposure.TENANT, s -> each(s.ids().residentNumbers,
                n -> Call.get(s.api("/my/complaints/" + n))));
        tenant("POST", "/my/complaints/{number}/messages", Exposure.TENANT, s -> each(s.ids().residentNumbers,
                n -> Call.json("POST", s.api("/my/complaints/" + n + "/messages"), object().add("text", "越权补充")
                        .build())));
        tenant("POST", "/my/complaints/{number}/withdraw", Exposure.TENANT, s -> each(s.ids().residentNumbers,
                n -> Call.json("POST", s.api("/my/complaints/" + n + "/withdraw"), object().add("reason", "越权撤回")
                        .build())));
        tenant("POST", "/my/complaints/{number}/confirmation", Exposure.TENANT, s -> each(s.ids().residentNumbers,
                n -> Call.json("POST", s.api("/my/complaints/" + n + "/confirmation"), object()
                        .add("satisfied", false).add("comment", "越权不满意").build())));
        tenant("GET", "/notices", Exposure.TENANT, s -> List.of(Call.get(s.api("/notices"))));
        tenant("POST", "/notices/read", Exposure.TENANT, s -> List.of(Call.empty("POST", s.api("/notices/read"))));
        tenant("GET", "/live", Exposure.TENANT, s -> List.of(Call.stream(s.api("/live"))));
        tenant("GET", "/alerts", Exposure.TENANT, s -> List.of(Call.get(s.api("/alerts"))));
        tenant("POST", "/alerts/{id}/acknowledge", Exposure.TENANT, s -> each(s.ids().alerts,
                id -> Call.json("POST", s.api("/alerts/" + id + "/acknowledge"), object().build())));
        tenant("GET", "/tracking/{token}", Exposure.CAPABILITY, s -> each(s.secrets().trackingTokens,
                t -> Call.get(s.api("/tracking/" + t))));
        tenant("POST", "/tracking/{token}/messages", Exposure.CAPABILITY, s -> each(s.secrets().trackingTokens,
                t -> Call.json("POST", s.api("/tracking/" + t + "/messages"), object().add("text", "越权补充").build())));
        tenant("POST", "/tracking/{token}/withdraw", Exposure.CAPABILITY, s -> each(s.secrets().trackingTokens,
                t -> Call.json("POST", s.api("/tracking/" + t + "/withdraw"), object().add("reason", "越权撤回").build())));
        tenant("POST", "/tracking/{token}/confirmation", Exposure.CAPABILITY, s -> each(s.secrets().trackingTokens,
                t -> Call.json("POST", s.api("/tracking/" + t + "/confirmation"), object().add("satisfied", false)
                        .add("comment", "越权不满意").build())));
    }

    private void monthlyReports() {
        String monthly = "/reports/monthly/" + REPORT_MONTH;
        tenant("GET", "/reports/monthly", Exposure.TENANT, s -> List.of(Call.get(s.api("/reports/monthly"))));
        tenant("POST", "/reports/monthly/{month}", Exposure.TENANT, s -> List.of(Call.empty("POST", s.api(monthly)),
                Call.empty("POST", s.api("/reports/monthly/2025-12"))));
        tenant("GET", "/reports/monthly/{month}", Exposure.TENANT, s -> List.of(Call.get(s.api(monthly))));
        tenant("GET", "/reports/monthly/{month}/revisions/{revision}", Exposure.TENANT, s -> List.of(Call.get(
                s.api(monthly + "/revisions/1"))));
        tenant("GET", "/reports/monthly/{month}/table.pdf", Exposure.TENANT, s -> List.of(Call.get(s.api(monthly
                + "/table.pdf")), Call.get(s.api(monthly + "/table.pdf?revision=1"))));
        tenant("GET", "/reports/monthly/{month}/table.xlsx", Exposure.TENANT, s -> List.of(Call.get(s.api(monthly
                + "/table.xlsx"))));
        tenant("PUT", "/reports/monthly/{month}/attributions/{number}", Exposure.TENANT, s -> each(s.ids().numbers,
                n -> Call.json("PUT", s.api(monthly + "/attributions/" + n), object()
                        .add("department", "_external").build())));
        tenant("POST", "/reports/monthly/{month}/submit", Exposure.TENANT, s -> List.of(Call.json("POST",
                s.api(monthly + "/submit"), object().build())));
        tenant("POST", "/reports/monthly/{month}/sign-off", Exposure.TENANT, s -> List.of(Call.json("POST",
                s.api(monthly + "/sign-off"), object().build())));
        tenant("POST", "/reports/monthly/{month}/return", Exposure.TENANT, s -> List.of(Call.json("POST",
                s.api(monthly + "/return"), object().build())));
        tenant("POST", "/reports/monthly/{month}/revisions", Exposure.TENANT, s -> List.of(Call.json("POST",
                s.api(monthly + "/revisions"), object().add("reason", "越权更正").build())));
    }

    /** The quarterly analysis and its actions, by quarter and by reference ({@code 2026-Q1-1}). */
    private void reports() {
        String quarterly = "/reports/quarterly/" + QUARTER;
        tenant("GET", "/reports/quarterly", Exposure.TENANT, s -> List.of(Call.get(s.api("/reports/quarterly"))));
        tenant("GET", "/reports/quarterly/{quarter}", Exposure.TENANT, s -> List.of(Call.get(s.api(quarterly))));
        tenant("GET", "/reports/quarterly/{quarter}/pdf", Exposure.TENANT, s -> List.of(Call.get(s.api(quarterly
                + "/pdf"))));
        tenant("GET", "/reports/quarterly/{quarter}/xlsx", Exposure.TENANT, s -> List.of(Call.get(s.api(quarterly
                + "/xlsx"))));
        tenant("PUT", "/reports/quarterly/{quarter}/analysis", Exposure.TENANT, s -> List.of(Call.json("PUT",
                s.api(quarterly + "/analysis"), object().add("cause", "CATEGORY|" + s.ids().categoryCodes.get(0))
                        .add("text", "越权分析").build())));
        for (String step : List.of("submit", "send-back", "approve")) {
            tenant("POST", "/reports/quarterly/{quarter}/" + step, Exposure.TENANT, s -> List.of(Call.json("POST",
                    s.api(quarterly + "/" + step), object().build())));
        }
        tenant("GET", "/reports/quarterly/{quarter}/revisions", Exposure.TENANT, s -> List.of(Call.get(s.api(quarterly
                + "/revisions"))));
        tenant("GET", "/reports/quarterly/{quarter}/revisions/{revision}", Exposure.TENANT, s -> List.of(Call.get(
                s.api(quarterly + "/revisions/1")), Call.get(s.api(quarterly + "/pdf?revision=1"))));
        tenant("POST", "/reports/quarterly/{quarter}/revisions", Exposure.TENANT, s -> List.of(Call.json("POST",
                s.api(quarterly + "/revisions"), object().add("reason", "越权更正").build())));
        tenant("GET", "/reports/actions", Exposure.TENANT, s -> List.of(Call.get(s.api("/reports/actions?quarter="
                + QUARTER))));
        tenant("POST", "/reports/actions", Exposure.TENANT, s -> List.of(Call.json("POST", s.api("/reports/actions"),
                object().add("quarter", QUARTER).add("departmentCode", s.ids().department()).add("description",
                        "越权措施").add("owner", s.ids().staff).add("dueDate", "2031-01-01")
                        .add("causes", Json.createArrayBuilder()).add("cases", Json.createArrayBuilder()
                                .add(s.ids().openNumber)).build())));
        tenant("GET", "/reports/actions/{ref}", Exposure.TENANT, s -> List.of(Call.get(s.api("/reports/actions/"
                + QUARTER + "-1"))));
        tenant("POST", "/reports/actions/{ref}/status", Exposure.TENANT, s -> List.of(Call.json("POST",
                s.api("/reports/actions/" + QUARTER + "-1/status"), object().add("status", "DONE")
                        .add("version", 0).build())));
    }

    private void callbacks() {
        tenant("GET", "/callbacks", Exposure.TENANT, s -> List.of(Call.get(s.api("/callbacks?view=all&size=100"
                + "&assignee=" + s.ids().staff))));
        tenant("GET", "/callbacks/figures", Exposure.TENANT, s -> List.of(Call.get(s.api("/callbacks/figures"))));
        tenant("GET", "/callbacks/{id}", Exposure.TENANT, s -> each(s.ids().callbacks.keySet(),
                id -> Call.get(s.api("/callbacks/" + id))));
        tenant("POST", "/callbacks/{id}/assign", Exposure.TENANT, s -> each(s.ids().callbacks.keySet(),
                id -> Call.json("POST", s.api("/callbacks/" + id + "/assign"), object().add("assignee", s.ids().staff)
                        .add("version", s.ids().callbacks.get(id)).build())));
        tenant("POST", "/callbacks/{id}/attempts", Exposure.TENANT, s -> each(s.ids().callbacks.keySet(),
                id -> Call.json("POST", s.api("/callbacks/" + id + "/attempts"), object().add("method", "PHONE")
                        .add("reached", false).add("version", s.ids().callbacks.get(id)).build())));
        tenant("GET", "/settings/callback-policy", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/settings/callback-policy"))));
        tenant("PUT", "/settings/callback-policy", Exposure.TENANT, s -> List.of(Call.json("PUT", s.api(
                "/settings/callback-policy"), Json.createObjectBuilder(s.own().policy).add("maxAttempts", 9).build())));
        tenant("GET", "/reports/figures", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/reports/figures?from=2026-01-01&to=2026-12-31"))));
        tenant("GET", "/dashboard", Exposure.TENANT, s -> List.of(Call.get(s.api("/dashboard")),
                Call.get(s.api("/dashboard?period=2026-Q1"))));
        tenant("GET", "/settings/customer-base", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/settings/customer-base"))));
        tenant("PUT", "/settings/customer-base/{month}", Exposure.TENANT, s -> List.of(Call.json("PUT", s.api(
                "/settings/customer-base/" + CUSTOMER_BASE_MONTH), object().add("customers", 9).build()),
                Call.json("PUT", s.api("/settings/customer-base/2026-02"), object().add("customers", 9).build())));
        tenant("DELETE", "/settings/customer-base/{month}", Exposure.TENANT, s -> List.of(Call.empty("DELETE",
                s.api(
                "/settings/customer-base/" + CUSTOMER_BASE_MONTH))));
        tenant("GET", "/settings/courtesy-plans", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/settings/courtesy-plans"))));
        tenant("POST", "/settings/courtesy-plans", Exposure.TENANT, s -> List.of(Call.json("POST", s.api(
                "/settings/courtesy-plans"), plan(s).build())));
        tenant("PUT", "/settings/courtesy-plans/{id}", Exposure.TENANT, s -> each(s.ids().plans.keySet(),
                id -> Call.json("PUT", s.api("/settings/courtesy-plans/" + id), plan(s).add("active", false)
                        .add("version", s.ids().plans.get(id)).build())));
    }

    private void workspace() {
        tenant("GET", "/departments", Exposure.TENANT, s -> List.of(Call.get(s.api("/departments"))));
        tenant("POST", "/departments", Exposure.TENANT, s -> List.of(Call.json("POST", s.api("/departments"),
                object().add("code", s.ids().department()).add("nameZh", "越权部门").add("nameEn", "Intruders").build())));
        tenant("GET", "/departments/{code}", Exposure.TENANT, s -> each(s.ids().departments.keySet(),
                c -> Call.get(s.api("/departments/" + c))));
        tenant("PUT", "/departments/{code}", Exposure.TENANT, s -> each(s.ids().departments.keySet(),
                c -> Call.json("PUT", s.api("/departments/" + c), object().add("nameZh", "越权改名")
                        .add("nameEn", "Hijacked").add("version", s.ids().departments.get(c)).build())));
        tenant("GET", "/categories", Exposure.TENANT, s -> List.of(Call.get(s.api("/categories"))));
        tenant("GET", "/settings/workspace", Exposure.TENANT, s -> List.of(Call.get(s.api("/settings/workspace"))));
        tenant("PUT", "/settings/workspace", Exposure.TENANT, s -> List.of(Call.json("PUT", s.api(
                "/settings/workspace"), Json.createObjectBuilder(s.own().workspace).add("maxFiles", 1).build())));
        tenant("PUT", "/settings/workspace/logo", Exposure.TENANT, s -> List.of(Call.bytes("PUT", s.api(
                "/settings/workspace/logo"), "image/png", TenantFixture.png())));
        tenant("DELETE", "/settings/workspace/logo", Exposure.TENANT, s -> List.of(Call.empty("DELETE", s.api(
                "/settings/workspace/logo"))));
        tenant("GET", "/residents", Exposure.TENANT, s -> List.of(Call.get(s.api("/residents?size=100"))));
        tenant("POST", "/residents/import", Exposure.TENANT, s -> List.of(Call.bytes("POST", s.api(
                "/residents/import?name=intruders.csv"), "text/csv", ("building,unit,name,phone\n9栋,901,越权住户,"
                        + "13900139999\n").getBytes(StandardCharsets.UTF_8))));
        tenant("GET", "/residents/imports/{id}", Exposure.TENANT, s -> each(s.ids().importIds,
                id -> Call.get(s.api("/residents/imports/" + id))));
        tenant("GET", "/residents/imports/{id}/report", Exposure.TENANT, s -> each(s.ids().importIds,
                id -> Call.get(s.api("/residents/imports/" + id + "/report"))));
        tenant("GET", "/customers", Exposure.TENANT, s -> List.of(Call.get(s.api("/customers?size=100"))));
        tenant("GET", "/customers/{key}", Exposure.TENANT, s -> each(s.ids().customers.keySet(),
                key -> Call.get(s.api("/customers/" + key))));
        tenant("GET", "/customers/{key}/history", Exposure.TENANT, s -> each(s.ids().customers.keySet(),
                key -> Call.get(s.api("/customers/" + key + "/history"))));
        tenant("PUT", "/customers/{key}", Exposure.TENANT, s -> each(s.ids().customers.keySet(),
                key -> Call.json("PUT", s.api("/customers/" + key), object().add("version", s.ids().customers.get(key))
                        .add("kind", "COMPANY").add("name", "越权改名").add("vip", true).add("notes", "越权备注")
                        .add("confidentiality", "TOP_SECRET").build())));
    }

    private void settings() {
        tenant("GET", "/settings/office", Exposure.TENANT, s -> List.of(Call.get(s.api("/settings/office"))));
        tenant("PUT", "/settings/office", Exposure.TENANT, s -> List.of(Call.json("PUT", s.api("/settings/office"),
                Json.createObjectBuilder(s.own().office).add("manager", s.ids().supervisor).build())));
        tenant("GET", "/settings/calendar-days", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/settings/calendar-days"))));
        tenant("POST", "/settings/calendar-days", Exposure.TENANT, s -> each(s.ids().days, d -> Call.json("POST",
                s.api("/settings/calendar-days"), object().add("day", d).add("type", "MAKE_UP_DAY")
                        .add("label", "越权调休").build())));
        tenant("DELETE", "/settings/calendar-days/{day}", Exposure.TENANT, s -> each(s.ids().days,
                d -> Call.empty("DELETE", s.api("/settings/calendar-days/" + d))));
        tenant("GET", "/settings/service-levels", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/settings/service-levels"))));
        tenant("PUT", "/settings/service-levels/{kind}/{severity}", Exposure.TENANT, s -> List.of(Call.json("PUT",
                s.api("/settings/service-levels/" + s.ids().levelKind + "/" + s.ids().levelSeverity), object()
                        .add("firstResponseMinutes", 1).add("resolutionMinutes", 2).build())));
        tenant("GET", "/settings/forbidden-phrases", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/settings/forbidden-phrases"))));
        tenant("POST", "/settings/forbidden-phrases", Exposure.TENANT, s -> List.of(Call.json("POST", s.api(
                "/settings/forbidden-phrases"), object().add("phrase", s.ids().phrases.get(0))
                        .add("suggestion", "越权").build())));
        tenant("DELETE", "/settings/forbidden-phrases/{phrase}", Exposure.TENANT, s -> each(s.ids().phrases.subList(0,
                1), p -> Call.empty("DELETE", s.api("/settings/forbidden-phrases/" + encode(p)))));
        tenant("GET", "/settings/canned-replies", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/settings/canned-replies"))));
        tenant("POST", "/settings/canned-replies", Exposure.TENANT, s -> List.of(Call.json("POST", s.api(
                "/settings/canned-replies"), object().add("title", s.ids().cannedTitles.get(0))
                        .add("categoryCode", s.ids().categoryCodes.get(0)).add("body", "您好，越权模板，谢谢，再见！")
                        .build())));
        tenant("DELETE", "/settings/canned-replies/{title}", Exposure.TENANT, s -> each(s.ids().cannedTitles.subList(0,
                1), t -> Call.empty("DELETE", s.api("/settings/canned-replies/" + encode(t)))));
        tenant("GET", "/settings/handlers", Exposure.TENANT, s -> List.of(Call.get(s.api("/settings/handlers"))));
        tenant("POST", "/settings/handlers", Exposure.TENANT, s -> List.of(Call.json("POST", s.api(
                "/settings/handlers"), object().add("departmentCode", s.ids().department())
                        .add("username", s.ids().supervisor).build())));
        tenant("DELETE", "/settings/handlers/{departmentCode}/{username}", Exposure.TENANT, s -> each(
                s.ids().handlers, h -> Call.empty("DELETE", s.api("/settings/handlers/" + h[0] + "/" + h[1]))));
    }

    private void surveys() {
        tenant("GET", "/surveys/templates", Exposure.TENANT, s -> List.of(Call.get(s.api("/surveys/templates"))));
        tenant("POST", "/surveys/templates", Exposure.TENANT, s -> List.of(Call.json("POST", s.api(
                "/surveys/templates"), template(s).add("code", s.ids().template()).build())));
        tenant("GET", "/surveys/templates/{code}", Exposure.TENANT, s -> each(s.ids().templates.keySet(),
                c -> Call.get(s.api("/surveys/templates/" + c))));
        tenant("PUT", "/surveys/templates/{code}", Exposure.TENANT, s -> each(s.ids().templates.keySet(),
                c -> Call.json("PUT", s.api("/surveys/templates/" + c), template(s)
                        .add("version", s.ids().templates.get(c)).build())));
        tenant("GET", "/surveys/templates/{code}/versions", Exposure.TENANT, s -> each(s.ids().templates.keySet(),
                c -> Call.get(s.api("/surveys/templates/" + c + "/versions"))));
        for (String tail : List.of("", "/results", "/results.csv", "/results.xlsx", "/results.pdf")) {
            tenant("GET", "/surveys/templates/{code}/versions/{n}" + tail, Exposure.TENANT, s -> each(
                    s.ids().templates.keySet(), c -> Call.get(s.api("/surveys/templates/" + c + "/versions/"
                            + s.ids().templateVersionNo + tail))));
        }
        tenant("POST", "/surveys/templates/{code}/versions/{n}/publish", Exposure.TENANT, s -> each(
                s.ids().templates.keySet(), c -> Call.empty("POST", s.api("/surveys/templates/" + c + "/versions/"
                        + s.ids().templateVersionNo + "/publish"))));
        tenant("GET", "/surveys/settings", Exposure.TENANT, s -> List.of(Call.get(s.api("/surveys/settings"))));
        tenant("PUT", "/surveys/settings", Exposure.TENANT, s -> List.of(Call.json("PUT", s.api("/surveys/settings"),
                Json.createObjectBuilder(s.own().surveySettings).add("postCaseTemplate", s.ids().template()).build())));
        tenant("GET", "/surveys/campaigns", Exposure.TENANT, s -> List.of(Call.get(s.api("/surveys/campaigns"))));
        tenant("POST", "/surveys/campaigns", Exposure.TENANT, s -> List.of(Call.json("POST", s.api(
                "/surveys/campaigns"), object().add("code", s.ids().campaignCodes.get(0)).add("nameZh", "越权调查")
                        .add("nameEn", "Intruders' campaign").add("template", s.ids().template())
                        .add("opensOn", "2031-01-01").add("closesOn", "2031-02-01").add("anonymous", true).build())));
        tenant("GET", "/surveys/campaigns/{code}", Exposure.TENANT, s -> each(s.ids().campaignCodes,
                c -> Call.get(s.api("/surveys/campaigns/" + c))));
        tenant("POST", "/surveys/campaigns/{code}/close", Exposure.TENANT, s -> each(s.ids().campaignCodes,
                c -> Call.empty("POST", s.api("/surveys/campaigns/" + c + "/close"))));
        tenant("GET", "/surveys/campaigns/{code}/invitations", Exposure.TENANT, s -> each(s.ids().campaignCodes,
                c -> Call.get(s.api("/surveys/campaigns/" + c + "/invitations"))));
        tenant("GET", "/surveys/campaigns/{code}/qr.png", Exposure.TENANT, s -> each(s.ids().campaignCodes,
                c -> Call.get(s.api("/surveys/campaigns/" + c + "/qr.png"))));
        tenant("GET", "/surveys/responses/{token}", Exposure.CAPABILITY, s -> each(s.secrets().surveyTokens,
                t -> Call.get(s.api("/surveys/responses/" + t))));
        tenant("POST", "/surveys/responses/{token}", Exposure.CAPABILITY, s -> each(s.secrets().surveyTokens,
                t -> Call.json("POST", s.api("/surveys/responses/" + t), answers())));
        tenant("GET", "/surveys/campaign-responses/{key}", Exposure.CAPABILITY, s -> each(s.secrets().campaignKeys,
                k -> Call.get(s.api("/surveys/campaign-responses/" + k))));
        tenant("POST", "/surveys/campaign-responses/{key}", Exposure.CAPABILITY, s -> each(s.secrets().campaignKeys,
                k -> Call.json("POST", s.api("/surveys/campaign-responses/" + k), answers())));
    }

    private void people() {
        tenant("GET", "/people", Exposure.TENANT, s -> List.of(Call.get(s.api("/people?size=100"))));
        tenant("POST", "/people", Exposure.TENANT, s -> each(s.ids().usernames, u -> Call.json("POST",
                s.api("/people"), object().add("username", u).add("email", "guess@isolation.kefu.invalid")
                        .add("displayName", "越权新人").add("roles", Json.createArrayBuilder().add("STAFF")).build())));
        tenant("GET", "/people/{username}", Exposure.TENANT, s -> each(s.ids().usernames,
                u -> Call.get(s.api("/people/" + u))));
        tenant("PUT", "/people/{username}/roles", Exposure.TENANT, s -> each(s.ids().usernames, u -> Call.json("PUT",
                s.api("/people/" + u + "/roles"), object().add("roles", Json.createArrayBuilder().add("SUPERVISOR"))
                        .build())));
        tenant("POST", "/people/{username}/disable", Exposure.TENANT, s -> each(s.ids().usernames,
                u -> Call.empty("POST", s.api("/people/" + u + "/disable"))));
        tenant("POST", "/people/{username}/invitation", Exposure.TENANT, s -> each(s.ids().usernames,
                u -> Call.empty("POST", s.api("/people/" + u + "/invitation"))));
        tenant("POST", "/people/{username}/removal", Exposure.TENANT, s -> each(s.ids().usernames,
                u -> Call.json("POST", s.api("/people/" + u + "/removal"), object().add("successor", u).build())));
        tenant("POST", "/people/{username}/enable", Exposure.TENANT, s -> each(s.ids().usernames,
                u -> Call.empty("POST", s.api("/people/" + u + "/enable"))));
        tenant("PUT", "/people/{username}/departments/{department}", Exposure.TENANT, s -> each(s.ids().usernames,
                u -> Call.empty("PUT", s.api("/people/" + u + "/departments/" + s.ids().department()))));
        tenant("DELETE", "/people/{username}/departments/{department}", Exposure.TENANT, s -> each(s.ids().usernames,
                u -> Call.empty("DELETE", s.api("/people/" + u + "/departments/" + s.ids().department()))));
        tenant("GET", "/audit", Exposure.TENANT, s -> List.of(Call.get(s.api("/audit?size=100&actor="
                + s.ids().supervisor))));
    }

    /** Clearances, record levels, access grants (by the fixture's pending request's key) and the read log. */
    private void confidentiality() {
        tenant("GET", "/clearances", Exposure.TENANT, s -> List.of(Call.get(s.api("/clearances"))));
        tenant("GET", "/clearances/{username}", Exposure.TENANT, s -> each(s.ids().usernames,
                u -> Call.get(s.api("/clearances/" + u))));
        tenant("PUT", "/clearances/{username}", Exposure.TENANT, s -> each(s.ids().usernames, u -> Call.json("PUT",
                s.api("/clearances/" + u), object().add("level", "TOP_SECRET").build())));
        tenant("PUT", "/customers/{key}/confidentiality", Exposure.TENANT, s -> each(s.ids().customers.keySet(),
                key -> Call.json("PUT", s.api("/customers/" + key + "/confidentiality"), object()
                        .add("level", "ORDINARY").build())));
        tenant("GET", "/grants", Exposure.TENANT, s -> List.of(Call.get(s.api("/grants"))));
        tenant("POST", "/grants", Exposure.TENANT, s -> each(s.ids().customers.keySet(), key -> Call.json("POST",
                s.api("/grants"), object().add("customer", key).add("username", s.ids().staff)
                        .add("reason", "越权授权").add("hours", 72).build())));
        for (String ask : List.of("requests", "break-glass")) {
            tenant("POST", "/grants/" + ask, Exposure.TENANT, s -> each(s.ids().customers.keySet(),
                    key -> Call.json("POST", s.api("/grants/" + ask), object().add("customer", key)
                            .add("reason", "越权查看").build())));
        }
        tenant("POST", "/grants/{key}/grant", Exposure.TENANT, s -> each(s.ids().grants, key -> Call.json("POST",
                s.api("/grants/" + key + "/grant"), object().add("hours", 72).add("note", "越权批准").build())));
        tenant("POST", "/grants/{key}/refuse", Exposure.TENANT, s -> each(s.ids().grants, key -> Call.json("POST",
                s.api("/grants/" + key + "/refuse"), object().add("note", "越权拒绝").build())));
        tenant("POST", "/grants/{key}/revoke", Exposure.TENANT, s -> each(s.ids().grants,
                key -> Call.empty("POST", s.api("/grants/" + key + "/revoke"))));
        for (String tail : List.of("", "/export.csv", "/export.xlsx")) {
            tenant("GET", "/read-log" + tail, Exposure.TENANT, s -> {
                List<Call> calls = new ArrayList<>(List.of(Call.get(s.api("/read-log" + tail + "?actor="
                        + s.ids().supervisor))));
                calls.addAll(each(s.ids().customers.keySet(), key -> Call.get(s.api("/read-log" + tail
                        + "?customer=" + key))));
                return calls;
            });
        }
    }

    /**
     * A customer's data and the retention policy. The erasure is tried with the victim's record keys only: on the
     * victim's path the tenant wall refuses it, and on the stranger's own path those keys name nothing (they are
     * random), so no record a later recipe reads is ever erased.
     */
    private void privacy() {
        for (String file : List.of("/export.json", "/export.xlsx")) {
            tenant("GET", "/privacy/customers/{key}" + file, Exposure.TENANT, s -> each(s.ids().customers.keySet(),
                    key -> Call.get(s.api("/privacy/customers/" + key + file))));
        }
        tenant("POST", "/privacy/customers/{key}/erasure", Exposure.TENANT, s -> each(s.ids().customers.keySet(),
                key -> Call.empty("POST", s.api("/privacy/customers/" + key + "/erasure"))));
        tenant("GET", "/settings/retention", Exposure.TENANT, s -> List.of(Call.get(s.api("/settings/retention"))));
        tenant("PUT", "/settings/retention", Exposure.TENANT, s -> List.of(Call.json("PUT", s.api(
                "/settings/retention"), Json.createObjectBuilder(s.own().retention).add("months", 6)
                        .add("attachments", "DELETE").build())));
    }

    /** Promised reply times' reminder setting and the per-person workload (issue 15). */
    private void promises() {
        tenant("GET", "/settings/promise-reminder", Exposure.TENANT, s -> List.of(Call.get(s.api(
                "/settings/promise-reminder"))));
        tenant("PUT", "/settings/promise-reminder", Exposure.TENANT, s -> List.of(Call.json("PUT", s.api(
                "/settings/promise-reminder"), object().add("minutes", 5).add("version", 0).build())));
        tenant("GET", "/workload", Exposure.TENANT, s -> List.of(Call.get(s.api("/workload"))));
    }

    /** Shift hand-over: the log by reference, the caller's prefill and banner, the shifts settings. */
    private void handovers() {
        tenant("GET", "/handovers", Exposure.TENANT, s -> List.of(Call.get(s.api("/handovers?size=100")),
                Call.get(s.api("/handovers?person=" + s.ids().staff))));
        tenant("GET", "/handovers/draft", Exposure.TENANT, s -> List.of(Call.get(s.api("/handovers/draft"))));
        tenant("GET", "/handovers/pending", Exposure.TENANT, s -> List.of(Call.get(s.api("/handovers/pending"))));
        tenant("POST", "/handovers", Exposure.TENANT, s -> List.of(Call.json("POST", s.api("/handovers"), object()
                .add("items", Json.createArrayBuilder().add(object().add("subject", s.ids().openNumber)
                        .add("remark", "越权交接"))).add("notes", "越权交接班").build())));
        tenant("GET", "/handovers/{ref}", Exposure.TENANT, s -> each(s.ids().handovers,
                r -> Call.get(s.api("/handovers/" + r))));
        tenant("GET", "/handovers/{ref}/handover.pdf", Exposure.TENANT, s -> each(s.ids().handovers,
                r -> Call.get(s.api("/handovers/" + r + "/handover.pdf"))));
        tenant("POST", "/handovers/{ref}/entries", Exposure.TENANT, s -> each(s.ids().handovers,
                r -> Call.json("POST", s.api("/handovers/" + r + "/entries"), object().add("text", "越权追加").build())));
        tenant("POST", "/handovers/{ref}/acknowledgements", Exposure.TENANT, s -> each(s.ids().handovers,
                r -> Call.empty("POST", s.api("/handovers/" + r + "/acknowledgements"))));
        tenant("GET", "/settings/shifts", Exposure.TENANT, s -> List.of(Call.get(s.api("/settings/shifts"))));
        tenant("PUT", "/settings/shifts", Exposure.TENANT, s -> List.of(Call.json("PUT", s.api("/settings/shifts"),
                object().add("shifts", Json.createArrayBuilder().add(object().add("code", "day").add("name", "越权班")
                        .add("start", "08:00").add("end", "20:00").add("members", Json.createArrayBuilder()
                                .add(s.ids().staff)))).build())));
    }

    private void platform() {
        String tenants = "/api/v1/platform/tenants";
        put("GET " + tenants, Exposure.PLATFORM, s -> List.of(Call.get(tenants)));
        put("POST " + tenants, Exposure.PLATFORM, s -> List.of(Call.json("POST", tenants, object()
                .add("slug", "iso-hijack").add("nameZh", "越权租户").add("nameEn", "Hijack").add("kind", "PROPERTY")
                .build())));
        put("GET " + tenants + "/{slug}", Exposure.PLATFORM, s -> List.of(Call.get(tenants + "/" + s.slug())));
        put("POST " + tenants + "/{slug}/suspend", Exposure.PLATFORM, s -> List.of(Call.empty("POST", tenants + "/"
                + s.slug() + "/suspend")));
        put("POST " + tenants + "/{slug}/resume", Exposure.PLATFORM, s -> List.of(Call.empty("POST", tenants + "/"
                + s.slug() + "/resume")));
        put("GET /api/v1/platform/audit", Exposure.PLATFORM, s -> List.of(Call.get("/api/v1/platform/audit?tenant="
                + s.slug())));
        put("GET /api/v1/me", Exposure.SELF, s -> List.of(Call.get("/api/v1/me")));
    }

    private static JsonObjectBuilder plan(Side s) {
        return object().add("name", "越权回访计划").add("everyMonths", 6).add("nextDue", "2031-01-01")
                .add("assignee", s.ids().staff).add("targets", "越权先生, 13800138000, 9栋901");
    }

    private static JsonObjectBuilder template(Side s) {
        return object().add("nameZh", "越权问卷").add("nameEn", "Intruders' survey").add("questions",
                Json.createArrayBuilder().add(object().add("kind", "TEXT").add("required", false)
                        .add("textZh", "越权问题").add("textEn", "Intruders' question")));
    }

    private static JsonObject answers() {
        return object().add("answers", Json.createArrayBuilder().add(object().add("position", 1).add("score", 1)))
                .build();
    }

    private void tenant(String method, String rest, Exposure exposure, Function<Side, List<Call>> calls) {
        put(method + " " + TENANT + rest, exposure, calls);
    }

    private void put(String operation, Exposure exposure, Function<Side, List<Call>> calls) {
        if (recipes.put(operation, new Recipe(operation, exposure, calls)) != null) {
            throw new IllegalStateException("two recipes for " + operation);
        }
    }

    private static <T> List<Call> each(Collection<T> values, Function<T, Call> call) {
        List<Call> calls = new ArrayList<>();
        values.forEach(v -> calls.add(call.apply(v)));
        return calls;
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonObjectBuilder object() {
        return Json.createObjectBuilder();
    }
}
