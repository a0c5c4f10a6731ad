package io.kefu.portal.settings;

import io.kefu.complaint.boundary.ServiceLevels;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.ServiceLevel;
import io.kefu.complaint.entity.Severity;
import io.kefu.complaint.entity.SlaPolicy;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.deadline.entity.CalendarDay;
import io.kefu.identity.entity.Role;
import io.kefu.phrase.boundary.ServiceLanguage;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.privacy.boundary.RetentionPolicies;
import io.kefu.privacy.entity.RetentionPolicy;
import io.kefu.problem.KefuException;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.entity.Code;
import io.kefu.workspace.entity.OfficeSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The configuration of the tenant in the path (see the package description). */
@Path("v1/tenants/{tenant}/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
@SecurityRequirement(name = "basic")
public class SettingsResource {

    @Inject
    Office office;

    @Inject
    Calendars calendars;

    @Inject
    ServiceLevels serviceLevels;

    @Inject
    ServiceLanguage language;

    @Inject
    RetentionPolicies retention;

    /** The retention policy: months a finished case keeps its personal data, DELETE or KEEP attachments, version. */
    public record RetentionJson(Integer months, String attachments, Long version) {
    }

    /**
     * The office's settings: anonymous filing, manager, general manager (approves the quarterly analysis; none: the
     * manager does), working periods, rest days, version.
     */
    public record OfficeJson(Boolean anonymousAllowed, String manager, String workingPeriods, List<String> restDays,
            Long version, String generalManager) {
    }

    @GET
    @Path("office")
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public OfficeJson office() {
        OfficeSettings s = office.settings();
        return new OfficeJson(s.anonymousAllowed(), s.managerUsername(), s.workingPeriods(),
                s.restDays().stream().map(Enum::name).toList(), s.version(), s.generalManagerUsername());
    }

    @PUT
    @Path("office")
    @Allowed(Role.TENANT_ADMIN)
    public OfficeJson changeOffice(OfficeJson in) {
        if (in == null || in.version() == null) {
            throw KefuException.invalid("version", "field.required");
        }
        Set<DayOfWeek> rest = EnumSet.noneOf(DayOfWeek.class);
        for (String day : in.restDays() == null ? List.<String>of() : in.restDays()) {
            DayOfWeek chosen = Params.choice(DayOfWeek.class, day, "restDays");
            if (chosen != null) {
                rest.add(chosen);
            }
        }
        OfficeSettings current = office.settings();
        office.update(in.anonymousAllowed() == null ? current.anonymousAllowed() : in.anonymousAllowed(),
                in.manager(), in.generalManager(),
                in.workingPeriods() == null ? current.workingPeriods() : in.workingPeriods(),
                in.restDays() == null ? current.restDays() : rest, in.version());
        return office();
    }

    /** How long before a promised reply time (告知答复时间) its owner is reminded: minutes, 1 to a day; version. */
    public record PromiseReminderJson(Integer minutes, Long version) {
    }

    @GET
    @Path("promise-reminder")
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public PromiseReminderJson promiseReminder() {
        OfficeSettings s = office.settings();
        return new PromiseReminderJson(s.promiseReminderMinutes(), s.version());
    }

    /** 422 on {@code minutes} outside 1–1440, 409 on a stale version; nothing saved then. */
    @PUT
    @Path("promise-reminder")
    @Allowed(Role.TENANT_ADMIN)
    public PromiseReminderJson changePromiseReminder(PromiseReminderJson in) {
        if (in == null || in.version() == null) {
            throw KefuException.invalid("version", "field.required");
        }
        office.changePromiseReminder(in.minutes(), in.version());
        return promiseReminder();
    }

    @GET
    @Path("retention")
    @Allowed(Role.TENANT_ADMIN)
    public RetentionJson retention() {
        RetentionPolicy policy = retention.policy();
        return new RetentionJson(policy.months(), policy.attachments().name(), policy.version());
    }

    /** 422 with the fields at fault (months 6–120, attachments DELETE or KEEP) and nothing saved. */
    @PUT
    @Path("retention")
    @Allowed(Role.TENANT_ADMIN)
    public RetentionJson changeRetention(RetentionJson in) {
        if (in == null || in.version() == null) {
            throw KefuException.invalid("version", "field.required");
        }
        retention.change(in.months(), in.attachments(), in.version());
        return retention();
    }

    @GET
    @Path("calendar-days")
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public List<Map<String, String>> days() {
        return calendars.days().stream().map(d -> {
            Map<String, String> day = new LinkedHashMap<>();
            day.put("day", d.day().toString());
            day.put("type", d.type().name());
            day.put("label", d.label());
            return day;
        }).toList();
    }

    /** {@code {day: "2026-10-01", type: HOLIDAY|MAKE_UP_DAY, label}} */
    @POST
    @Path("calendar-days")
    @Allowed(Role.TENANT_ADMIN)
    public Response addDay(Map<String, String> in) {
        Map<String, String> body = in == null ? Map.of() : in;
        CalendarDay.Type type = Params.choice(CalendarDay.Type.class, body.get("type"), "type");
        calendars.addDay(date(body.get("day")), type, body.get("label"));
        return Response.status(201).entity(days()).build();
    }

    @DELETE
    @Path("calendar-days/{day}")
    @Allowed(Role.TENANT_ADMIN)
    public List<Map<String, String>> removeDay(@PathParam("day") String day) {
        calendars.removeDay(date(day));
        return days();
    }

    /** Every kind × severity with its deadlines in working minutes (the tenant's own or the defaults). */
    @GET
    @Path("service-levels")
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public List<Map<String, Object>> serviceLevels() {
        WorkingCalendar calendar = calendars.calendar();
        SlaPolicy policy = serviceLevels.policy(calendar);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CaseKind kind : CaseKind.values()) {
            for (Severity severity : Severity.values()) {
                ServiceLevel level = policy.levelFor(kind, severity);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("kind", kind.name());
                row.put("severity", severity.name());
                row.put("firstResponseMinutes", level.firstResponse().toMinutes());
                row.put("resolutionMinutes", level.resolution().toMinutes());
                rows.add(row);
            }
        }
        return rows;
    }

    /** {@code {firstResponseMinutes, resolutionMinutes}} */
    @PUT
    @Path("service-levels/{kind}/{severity}")
    @Allowed(Role.TENANT_ADMIN)
    public List<Map<String, Object>> changeLevel(@PathParam("kind") String kind, @PathParam("severity") String severity,
            Map<String, Integer> in) {
        CaseKind k = Arrays.stream(CaseKind.values()).filter(v -> v.name().equalsIgnoreCase(kind)).findFirst()
                .orElseThrow(() -> KefuException.notFound("problem.detail.404"));
        Severity s = Arrays.stream(Severity.values()).filter(v -> v.name().equalsIgnoreCase(severity)).findFirst()
                .orElseThrow(() -> KefuException.notFound("problem.detail.404"));
        Map<String, Integer> body = in == null ? Map.of() : in;
        serviceLevels.change(k, s, number(body.get("firstResponseMinutes"), "firstResponseMinutes"),
                number(body.get("resolutionMinutes"), "resolutionMinutes"));
        return serviceLevels();
    }

    @GET
    @Path("forbidden-phrases")
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public List<Map<String, String>> phrases() {
        return language.rules().stream().map(r -> {
            Map<String, String> rule = new LinkedHashMap<>();
            rule.put("phrase", r.phrase());
            rule.put("suggestion", r.suggestion());
            return rule;
        }).toList();
    }

    /** {@code {phrase, suggestion}} */
    @POST
    @Path("forbidden-phrases")
    @Allowed(Role.TENANT_ADMIN)
    public Response addPhrase(Map<String, String> in) {
        Map<String, String> body = in == null ? Map.of() : in;
        language.addPhrase(body.get("phrase"), body.get("suggestion"));
        return Response.status(201).entity(phrases()).build();
    }

    @DELETE
    @Path("forbidden-phrases/{phrase}")
    @Allowed(Role.TENANT_ADMIN)
    public List<Map<String, String>> removePhrase(@PathParam("phrase") String phrase) {
        language.removePhrase(phrase);
        return phrases();
    }

    @GET
    @Path("canned-replies")
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public List<Map<String, String>> cannedReplies() {
        return language.cannedReplies().stream().map(r -> {
            Map<String, String> reply = new LinkedHashMap<>();
            reply.put("title", r.title());
            reply.put("categoryCode", r.categoryCode());
            reply.put("body", r.body());
            return reply;
        }).toList();
    }

    /** {@code {title, categoryCode, body}}: the body must itself pass the phrase check. */
    @POST
    @Path("canned-replies")
    @Allowed(Role.TENANT_ADMIN)
    public Response addCannedReply(Map<String, String> in) {
        Map<String, String> body = in == null ? Map.of() : in;
        language.addCannedReply(body.get("categoryCode"), body.get("title"), body.get("body"));
        return Response.status(201).entity(cannedReplies()).build();
    }

    @DELETE
    @Path("canned-replies/{title}")
    @Allowed(Role.TENANT_ADMIN)
    public List<Map<String, String>> removeCannedReply(@PathParam("title") String title) {
        language.removeCannedReply(title);
        return cannedReplies();
    }

    @GET
    @Path("handlers")
    @Allowed({Role.TENANT_ADMIN, Role.STAFF, Role.SUPERVISOR})
    public List<Map<String, String>> handlers() {
        return office.handlers().stream().map(h -> Map.of("departmentCode", h.departmentCode(),
                "username", h.username())).toList();
    }

    /** {@code {departmentCode, username}} */
    @POST
    @Path("handlers")
    @Allowed(Role.TENANT_ADMIN)
    public Response addHandler(Map<String, String> in) {
        Map<String, String> body = in == null ? Map.of() : in;
        office.addHandler(code(body.get("departmentCode")), body.get("username"));
        return Response.status(201).entity(handlers()).build();
    }

    @DELETE
    @Path("handlers/{departmentCode}/{username}")
    @Allowed(Role.TENANT_ADMIN)
    public List<Map<String, String>> removeHandler(@PathParam("departmentCode") String department,
            @PathParam("username") String username) {
        office.removeHandler(code(department), username);
        return handlers();
    }

    private static Code code(String value) {
        if (value == null || value.isBlank()) {
            throw KefuException.invalid("departmentCode", "field.required");
        }
        try {
            return new Code(value.strip());
        } catch (KefuException e) {
            throw KefuException.invalid("departmentCode", "department.not.found", value);
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            throw KefuException.invalid("day", "field.required");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw KefuException.invalid("day", "field.date.invalid");
        }
    }

    private static int number(Integer value, String field) {
        if (value == null) {
            throw KefuException.invalid(field, "field.required");
        }
        return value;
    }
}
