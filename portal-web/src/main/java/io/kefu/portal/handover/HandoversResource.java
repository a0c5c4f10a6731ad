package io.kefu.portal.handover;

import io.kefu.complaint.entity.Actor;
import io.kefu.export.PdfDocument;
import io.kefu.handover.boundary.Handovers;
import io.kefu.handover.boundary.Shifts;
import io.kefu.handover.entity.Handover;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Downloads;
import io.kefu.portal.api.Params;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.form.HandoverSheets;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The hand-over log (交接班) by its reference ({@code HO-20261205-0001}): staff and supervisors of the tenant only;
 * another tenant's reference is a 404 like every address.
 */
@Path("v1/tenants/{tenant}/handovers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "handovers")
@SecurityRequirement(name = "basic")
public class HandoversResource {

    @Inject
    Handovers handovers;

    @Inject
    Shifts shifts;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    @Inject
    HandoverSheets sheets;

    @GET
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "Search the history: ?from=&to= (days of the shift's start, inclusive), shift, person "
            + "(author or reader), page, size",
            description = "Newest shift first, paged in SQL: {items, page, size, total}.")
    public Map<String, Object> search(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("shift") String shift, @QueryParam("person") String person, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        ZoneId zone = tenant.get().zone();
        LocalDate[] days = new LocalDate[2];
        int[] paging = new int[2];
        KefuException.checkAll(() -> days[0] = Params.day(from, "from"), () -> days[1] = Params.day(to, "to"),
                () -> paging[0] = Params.whole(page, "page", 0), () -> paging[1] = Params.whole(size, "size", 25));
        paging[1] = Math.max(1, Math.min(Handovers.MAX_PAGE_SIZE, paging[1]));
        paging[0] = Math.max(0, paging[0]);
        Instant start = days[0] == null ? Instant.EPOCH : days[0].atStartOfDay(zone).toInstant();
        Instant end = days[1] == null ? Instant.parse("9999-01-01T00:00:00Z")
                : days[1].plusDays(1).atStartOfDay(zone).toInstant();
        String s = blank(shift);
        String p = blank(person);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", handovers.page(start, end, s, p, paging[0] * paging[1], paging[1]).stream()
                .map(h -> HandoverJson.Summary.of(h, zone)).toList());
        body.put("page", paging[0]);
        body.put("size", paging[1]);
        body.put("total", handovers.count(start, end, s, p));
        return body;
    }

    @GET
    @Path("draft")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "The caller's prefill: their shift, the next one, exactly their open items",
            description = "Open cases they own (major, overdue, promised reply due before the next shift ends, the "
                    + "rest) and their callbacks due before then. Nothing is stored. Without a shift of their own, "
                    + "?shift=code names the one they leave (mayPickShift says so).")
    public HandoverJson.Draft draft(@QueryParam("shift") String shift) {
        Actor actor = caller.get();
        return HandoverJson.Draft.of(handovers.draft(actor.username(), blank(shift)), shifts.all(),
                tenant.get().zone());
    }

    @GET
    @Path("pending")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "Hand-overs waiting for the caller's acknowledgement (the banner on the desk)")
    public List<HandoverJson.Summary> pending() {
        ZoneId zone = tenant.get().zone();
        return handovers.pending(caller.get().username()).stream().map(h -> HandoverJson.Summary.of(h, zone)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "Submit the caller's hand-over: {shift, items: [{subject, remark}], equipment, notes}",
            description = "items: the lines of the prefill kept (case number or callback key, each once; 422 on "
                    + "items[i].subject otherwise). shift: required when the caller has none (it becomes theirs). "
                    + "201 with the hand-over; it never changes afterwards.")
    public Response submit(HandoverJson.SubmitInput input) {
        HandoverJson.SubmitInput body = input == null ? new HandoverJson.SubmitInput(null, null, null, null) : input;
        Actor actor = caller.get();
        List<Handovers.Keep> kept = body.items() == null ? List.of() : body.items().stream()
                .map(k -> k == null ? null : new Handovers.Keep(k.subject(), k.remark())).toList();
        Handover handover = handovers.submit(actor.username(), blank(body.shift()), kept, body.equipment(),
                body.notes());
        return Response.status(201).header("Location", "handovers/" + handover.ref()).entity(full(handover)).build();
    }

    @GET
    @Path("{ref}")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public HandoverJson.Full get(@PathParam("ref") String ref) {
        return full(handovers.get(ref));
    }

    @POST
    @Path("{ref}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "Add an entry to a submitted hand-over: {text}", description = "By its author or a "
            + "supervisor (403 otherwise); 201 with the hand-over.")
    public Response addEntry(@PathParam("ref") String ref, HandoverJson.EntryInput input) {
        handovers.addEntry(ref, caller.get(), input == null ? null : input.text());
        return Response.status(201).entity(full(handovers.get(ref))).build();
    }

    @POST
    @Path("{ref}/acknowledgements")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "Acknowledge the hand-over (who, when)", description = "Once per person (again: the first "
            + "is kept); 409 for its author.")
    public HandoverJson.Full acknowledge(@PathParam("ref") String ref) {
        handovers.acknowledge(ref, caller.get().username());
        return full(handovers.get(ref));
    }

    @GET
    @Path("{ref}/handover.pdf")
    @Produces({PdfDocument.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "The hand-over as PDF, as the forms print",
            description = "?lang=zh-CN|en chooses the language.")
    public Response pdf(@PathParam("ref") String ref, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        byte[] pdf = sheets.pdf(ref, lang, acceptLanguage);
        return Response.ok(pdf, PdfDocument.MEDIA_TYPE)
                .header("Content-Disposition", Downloads.disposition("inline", "handover-" + ref + ".pdf"))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private HandoverJson.Full full(Handover h) {
        return HandoverJson.Full.of(h, handovers.entries(h), handovers.acknowledgements(h), tenant.get().zone());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
