package io.kefu.portal.complaint;

import io.kefu.callback.boundary.Callbacks;
import io.kefu.complaint.boundary.Cases;
import io.kefu.complaint.boundary.Filing;
import io.kefu.complaint.boundary.Inbox;
import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.Attachment;
import io.kefu.complaint.entity.CaseAction;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseStatus;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Complaint;
import io.kefu.confidentiality.boundary.Disclosure;
import io.kefu.confidentiality.control.Contact;
import io.kefu.confidentiality.entity.ReadChannel;
import io.kefu.complaint.entity.FileType;
import io.kefu.complaint.entity.DispatchOrder;
import io.kefu.complaint.entity.IdempotencyKey;
import io.kefu.complaint.entity.Severity;
import io.kefu.complaint.entity.Upload;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Downloads;
import io.kefu.portal.api.Params;
import io.kefu.portal.api.Public;
import io.kefu.portal.api.StrictJsonReader;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cases of the tenant in the path: filed by anybody (residents online, staff for calls, letters and visits),
 * listed and worked on by staff. Addressed by number; database ids never appear.
 */
@Path("v1/tenants/{tenant}/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints")
@SecurityRequirement(name = "basic")
public class ComplaintsResource {

    @Inject
    Disclosure disclosure;

    @Inject
    PortalFiling portalFiling;

    @Inject
    Cases cases;

    @Inject
    Inbox inbox;

    @Inject
    Callbacks callbacks;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /**
     * Files a case from JSON. Staff (signed in) register offline cases with a channel; others file online. With an
     * {@code Idempotency-Key}, a retry of the same request answers with the case filed the first time (marked
     * {@code Idempotent-Replayed: true}) instead of filing it again.
     */
    @POST
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(@HeaderParam(IdempotencyKey.FIELD) String key, FilingInput input) {
        return file(input, List.of(), key);
    }

    /** Files a case with photos or PDFs: a {@code complaint} JSON part and up to five {@code files} parts. */
    @POST
    @Public
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response fileWithAttachments(@HeaderParam(IdempotencyKey.FIELD) String key) {
        FilingInput input = null;
        List<Upload> uploads = new ArrayList<>();
        try {
            for (Part part : request.getParts()) {
                if ("complaint".equals(part.getName())) {
                    try (InputStream in = part.getInputStream()) {
                        input = StrictJsonReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                                FilingInput.class);
                    }
                } else if ("files".equals(part.getName())) {
                    if (uploads.size() >= Upload.MAX_FILES) {
                        throw KefuException.invalid("files", "attachment.too.many", Upload.MAX_FILES);
                    }
                    try (InputStream in = part.getInputStream()) {
                        uploads.add(new Upload(part.getSubmittedFileName(), in.readAllBytes()));
                    }
                }
            }
        } catch (IllegalStateException tooLarge) {
            throw KefuException.invalid("files", "attachment.request.too.large", Upload.MAX_REQUEST_BYTES / 1048576);
        } catch (JsonbException malformed) {
            throw KefuException.invalid("complaint", "request.malformed");
        } catch (IOException | ServletException e) {
            throw KefuException.invalid("files", "request.malformed");
        }
        return file(input, uploads, key);
    }

    private Response file(FilingInput input, List<Upload> uploads, String key) {
        if (input == null) {
            throw KefuException.invalid("description", "field.required");
        }
        FilingInput.UnitInput unit = input.unit();
        Filing.Filed result = portalFiling.file(() -> {
            KefuException.checkAll(input::intake, () -> Complaint.check(input.intakeForChecks()),
                    () -> input.channelOr(Channel.ONLINE));
            return input.intake();
        }, () -> input.channelOr(null), unit == null ? null : unit.building(), unit == null ? null : unit.number(),
                input.website(), uploads, key);
        Complaint filed = result.complaint();
        ZoneId zone = tenant.get().zone();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", filed.number().toString());
        // Shown here once: the database keeps only its hash.
        body.put("trackingToken", result.trackingToken());
        body.put("status", filed.status().name());
        body.put("registeredAt", Times.iso(filed.registeredAt(), zone));
        body.put("firstResponseDue", Times.iso(filed.firstResponseDue(), zone));
        body.put("resolutionDue", Times.iso(filed.resolutionDue(), zone));
        body.put("trackingUrl", "/t/" + tenant.get().slug().value() + "/track/" + result.trackingToken());
        Response.ResponseBuilder created = Response.created(uri.getBaseUriBuilder()
                .path("v1/tenants/{tenant}/complaints/{number}")
                .build(tenant.get().slug().value(), filed.number().toString())).entity(body);
        return (result.repeated() ? created.header("Idempotent-Replayed", "true") : created).build();
    }

    @GET
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Map<String, Object> list(@QueryParam("status") String status, @QueryParam("kind") String kind,
            @QueryParam("category") String category, @QueryParam("department") String department,
            @QueryParam("severity") String severity, @QueryParam("owner") String owner,
            @QueryParam("overdue") Boolean overdue, @QueryParam("q") String text, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("building") String building,
            @QueryParam("responsible") String responsible, @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Inbox.Filter filter = new Inbox.Filter(statuses(status), Params.choice(CaseKind.class, kind, "kind"),
                blankToNull(category), department == null || department.isBlank() ? null
                        : Set.of(department.strip()), Params.choice(Severity.class, severity, "severity"),
                blankToNull(owner), overdue, Params.day(from, "from"), Params.day(to, "to"), blankToNull(text), null,
                blankToNull(building), blankToNull(responsible));
        ZoneId zone = tenant.get().zone();
        Instant now = clock.instant();
        Inbox.Page result = inbox.page(filter, zone, now, sort == null ? "resolutionDue" : sort,
                Params.whole(page, "page", 0), Params.whole(size, "size", 25));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", result.items().stream().map(c -> CaseSummaryJson.of(c, zone, now)).toList());
        body.put("page", result.page());
        body.put("size", result.size());
        body.put("total", result.total());
        body.put("counts", inbox.countsByStatus(filter, zone, now));
        return body;
    }

    @GET
    @Path("{number}")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public CaseJson get(@PathParam("number") String number) {
        return json(cases.get(number));
    }

    /**
     * One action on the case, taken through the method of {@link Cases} it names; the version seen comes in
     * {@code If-Match} or in the body.
     */
    @POST
    @Path("{number}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public CaseJson act(@PathParam("number") String number, @PathParam("action") String action,
            @HeaderParam("If-Match") String ifMatch, ActionInput input) {
        CaseAction caseAction = Arrays.stream(CaseAction.values())
                .filter(a -> CaseJson.actionName(a).equals(action)).findFirst()
                .orElseThrow(() -> KefuException.notFound("case.action.unknown", action));
        ActionInput body = input == null ? new ActionInput(null, null, null, null, null, null, null, null, null,
                null, null) : input;
        Long version = body.version() != null ? body.version() : Params.version(ifMatch);
        // Every choice and time in the body is read before the case, whichever action uses it: a malformed one is a
        // 422 on its field for any action, as the API has always answered.
        CaseKind kind = Params.choice(CaseKind.class, body.kind(), "kind");
        Severity severity = Params.choice(Severity.class, body.severity(), "severity");
        Instant replyBy = Times.parse(body.replyBy());
        String text = body.freeText();
        Actor actor = caller.get();
        return json(switch (caseAction) {
            case ACCEPT -> cases.accept(number, actor, version);
            case CLASSIFY -> cases.classify(number, actor, version, body.categoryCode(), kind, severity);
            case ROUTE -> cases.route(number, actor, version, body.departmentCode(), text);
            case HANDOVER -> cases.handOver(number, actor, version, body.toUser(), text);
            case PROMISE -> cases.promise(number, actor, version, replyBy, text);
            case NOTE -> cases.note(number, actor, version, text);
            case REPLY -> cases.reply(number, actor, version, text);
            case REQUEST_INFORMATION -> cases.requestInformation(number, actor, version, text);
            case RESOLVE -> cases.resolve(number, actor, version, text);
            case REJECT -> cases.reject(number, actor, version, text);
            case APPROVE_REJECTION -> cases.approveRejection(number, actor, version, text);
            case DENY_REJECTION -> cases.denyRejection(number, actor, version, text);
            case REOPEN -> cases.reopen(number, actor, version, text);
            case ACKNOWLEDGE -> cases.acknowledge(number, actor, version);
            case CLOSE, CALLBACK, ADD_INFORMATION, WITHDRAW, CONFIRM ->
                throw cases.refusal(number, version, caseAction);
        });
    }

    /**
     * Links the case to a unit of the resident register ({@code {building, number, version}}), or unlinks it when
     * building and number are both left out; the version seen comes in {@code If-Match} or in the body.
     */
    @PUT
    @Path("{number}/unit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    @Operation(summary = "Link the case to a unit of the resident register (building + number), or unlink it",
            description = "An unknown building or unit is a 422 on building or number; a stale version a 409. "
                    + "The quarterly report counts by building and finds complaints recurring in one unit through "
                    + "this link.")
    public CaseJson linkUnit(@PathParam("number") String number, @HeaderParam("If-Match") String ifMatch,
            FilingInput.UnitInput input) {
        FilingInput.UnitInput body = input == null ? new FilingInput.UnitInput(null, null, null) : input;
        Long version = body.version() != null ? body.version() : Params.version(ifMatch);
        return json(cases.linkUnit(number, caller.get(), version, body.building(), body.number()));
    }

    @GET
    @Path("{number}/attachments/{seq}")
    @Produces({"image/jpeg", "image/png", "image/webp", "application/pdf", MediaType.APPLICATION_JSON})
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Response attachment(@PathParam("number") String number, @PathParam("seq") int seq) {
        Complaint complaint = cases.get(number);
        Attachment file = cases.attachment(complaint, seq)
                .orElseThrow(() -> KefuException.notFound("attachment.not.found", seq));
        // Only a checked picture is shown in place; anything else (a PDF may carry script) is downloaded.
        String disposition = FileType.isImage(file.mediaType()) ? "inline" : "attachment";
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", Downloads.disposition(disposition, file.fileName()))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** Sends a worker for a repair: {@code {worker, appointment, parts}}. */
    @POST
    @Path("{number}/dispatch-orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Response dispatch(@PathParam("number") String number, Map<String, String> body) {
        Map<String, String> in = body == null ? Map.of() : body;
        Instant appointment;
        try {
            appointment = Times.parse(in.get("appointment"));
        } catch (KefuException e) {
            throw KefuException.invalid("appointment", "field.datetime.invalid");
        }
        DispatchOrder order = cases.dispatch(number, caller.get(), in.get("worker"), appointment, in.get("parts"));
        return Response.status(201).entity(json(cases.get(number)).dispatchOrders().get(order.seq() - 1)).build();
    }

    /** The worker's report: {@code {result, parts}}. */
    @POST
    @Path("{number}/dispatch-orders/{seq}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public CaseJson.DispatchJson completeDispatch(@PathParam("number") String number, @PathParam("seq") int seq,
            Map<String, String> body) {
        Map<String, String> in = body == null ? Map.of() : body;
        DispatchOrder order = cases.completeDispatch(number, seq, caller.get(), in.get("result"), in.get("parts"));
        return json(cases.get(number)).dispatchOrders().get(order.seq() - 1);
    }

    private CaseJson json(Complaint complaint) {
        Contact contact = disclosure.read(complaint.customerId(), complaint.number().toString(), ReadChannel.API)
                .apply(Contact.of(complaint));
        return CaseJson.of(complaint, contact, cases.unitOf(complaint).orElse(null), cases.attachments(complaint),
                cases.dispatchOrders(complaint),
                callbacks.ofCase(complaint).stream().findFirst().orElse(null), tenant.get().zone(), clock.instant());
    }

    private static Set<CaseStatus> statuses(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(value.split(",")).map(s -> Params.choice(CaseStatus.class, s, "status"))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseStatus.class)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
