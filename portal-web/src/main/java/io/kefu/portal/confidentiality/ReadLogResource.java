package io.kefu.portal.confidentiality;

import io.kefu.confidentiality.boundary.ReadLog;
import io.kefu.confidentiality.entity.ReadEntry;
import io.kefu.export.Csv;
import io.kefu.export.Xlsx;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Downloads;
import io.kefu.portal.api.Params;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's read log of protected customer records, newest first, for its admins and supervisors: filtered by
 * reader ({@code actor}), record ({@code customer}, its key) and days ({@code from}..{@code to}, inclusive, in the
 * tenant's zone); as JSON pages, or whole (up to {@link #MAX_EXPORT} rows) as CSV or Excel.
 */
@Path("v1/tenants/{tenant}/read-log")
@Allowed({Role.TENANT_ADMIN, Role.SUPERVISOR})
@Tag(name = "confidentiality")
@SecurityRequirement(name = "basic")
public class ReadLogResource {

    static final int MAX_EXPORT = 10_000;
    static final List<String> HEADER = List.of("at", "actor", "customer", "level", "case", "channel", "basis",
            "grant", "reason");

    @Inject
    ReadLog log;

    @Inject
    CurrentTenant tenant;

    public record EntryJson(String at, String actor, String customer, String level, String caseNumber,
            String channel, String basis, String grant, String reason) {
    }

    public record PageJson(List<EntryJson> items, int first, int size, long total) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PageJson list(@QueryParam("actor") String actor, @QueryParam("customer") String customer,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("first") String first,
            @QueryParam("size") String size) {
        int start = Math.max(0, Params.whole(first, "first", 0));
        int count = Math.max(1, Math.min(200, Params.whole(size, "size", 25)));
        ZoneId zone = tenant.get().zone();
        OffsetDateTime since = since(from, zone);
        OffsetDateTime until = until(to, zone);
        List<EntryJson> items = log.page(actor, customer, since, until, start, count).stream()
                .map(e -> json(e, zone)).toList();
        return new PageJson(items, start, count, log.count(actor, customer, since, until));
    }

    @GET
    @Path("export.csv")
    @Produces(Csv.MEDIA_TYPE)
    public Response csv(@QueryParam("actor") String actor, @QueryParam("customer") String customer,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return Response.ok(Csv.write(rows(actor, customer, from, to, true)), Csv.MEDIA_TYPE)
                .header("Content-Disposition", Downloads.disposition("attachment", "read-log.csv")).build();
    }

    @GET
    @Path("export.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    public Response xlsx(@QueryParam("actor") String actor, @QueryParam("customer") String customer,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return Response.ok(Xlsx.write(List.of(new Xlsx.Sheet("read-log", HEADER,
                rows(actor, customer, from, to, false)))), Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", Downloads.disposition("attachment", "read-log.xlsx")).build();
    }

    private List<List<String>> rows(String actor, String customer, String from, String to, boolean header) {
        ZoneId zone = tenant.get().zone();
        List<List<String>> rows = new ArrayList<>();
        if (header) {
            rows.add(HEADER);
        }
        for (ReadEntry e : log.page(actor, customer, since(from, zone), until(to, zone), 0, MAX_EXPORT)) {
            EntryJson j = json(e, zone);
            rows.add(java.util.Arrays.asList(j.at(), j.actor(), j.customer(), j.level(), j.caseNumber(),
                    j.channel(), j.basis(), j.grant(), j.reason()));
        }
        return rows;
    }

    static EntryJson json(ReadEntry e, ZoneId zone) {
        return new EntryJson(GrantJson.iso(e.at(), zone), e.actor(), e.customerKey(), e.level().name(),
                e.caseNumber(), e.channel().name(), e.basis().name(), e.grantKey(), e.reason());
    }

    private static OffsetDateTime since(String from, ZoneId zone) {
        LocalDate day = Params.day(from, "from");
        return day == null ? null : day.atStartOfDay(zone).toOffsetDateTime();
    }

    private static OffsetDateTime until(String to, ZoneId zone) {
        LocalDate day = Params.day(to, "to");
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
