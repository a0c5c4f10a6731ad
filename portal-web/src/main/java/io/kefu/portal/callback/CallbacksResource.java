package io.kefu.portal.callback;

import io.kefu.callback.boundary.CallbackQueue;
import io.kefu.callback.boundary.Callbacks;
import io.kefu.callback.entity.AttemptInput;
import io.kefu.callback.entity.CallbackMethod;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.callback.entity.Satisfaction;
import io.kefu.complaint.entity.Actor;
import io.kefu.identity.entity.Role;
import io.kefu.portal.api.Allowed;
import io.kefu.portal.api.Params;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.survey.SurveyJson;
import io.kefu.survey.boundary.SurveyResponses;
import io.kefu.survey.entity.AnswerInput;
import io.kefu.problem.KefuException;
import io.kefu.report.boundary.ReportFigures;
import io.kefu.report.entity.Period;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.confidentiality.boundary.Disclosure;
import io.kefu.confidentiality.control.Sight;
import io.kefu.confidentiality.entity.ReadChannel;
import jakarta.inject.Inject;
import java.util.ArrayList;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The callbacks of the tenant in the path: the queue, one callback with its attempts, recording an attempt
 * (whose outcome closes or reopens the case), assigning, and the office's callback figures. Staff and
 * supervisors only; who may record is the tenant's policy.
 */
@Path("v1/tenants/{tenant}/callbacks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "callbacks")
@SecurityRequirement(name = "basic")
public class CallbacksResource {

    /**
     * An attempt: {@code method} PHONE|VISIT|SMS (ONLINE is the resident's own confirmation, refused here),
     * {@code satisfaction} SATISFIED|PARTLY_SATISFIED|…, and optionally {@code answers} to the tenant's callback
     * questionnaire (as for a survey link).
     */
    public record AttemptBody(String method, Boolean reached, String satisfaction, Integer score, String comment,
            Long version, List<SurveyJson.AnswerJson> answers) {
    }

    public record AssignBody(String assignee, Long version) {
    }

    @Inject
    Disclosure disclosure;

    @Inject
    Callbacks callbacks;

    @Inject
    CallbackQueue queue;

    @Inject
    ReportFigures figures;

    @Inject
    CallerActor caller;

    @Inject
    SurveyResponses surveyResponses;

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    /** {@code view} open (default), overdue, done or all; {@code mine=true} or {@code assignee}; {@code kind}. */
    @GET
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Map<String, Object> list(@QueryParam("view") String view, @QueryParam("mine") boolean mine,
            @QueryParam("assignee") String assignee, @QueryParam("kind") String kind,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Actor actor = caller.get();
        CallbackQueue.Filter filter = new CallbackQueue.Filter(
                view == null || view.isBlank() ? CallbackQueue.View.OPEN : Params.choice(CallbackQueue.View.class, view,
                        "view"),
                mine ? actor.username()
                        : assignee == null || assignee.isBlank() ? null : assignee.strip().toLowerCase(),
                Params.choice(CallbackTask.Kind.class, kind, "kind"));
        CallbackQueue.Page result = queue.page(filter, clock.instant(), Params.whole(page, "page", 0),
                Params.whole(size, "size", 20));
        Map<String, Object> body = new LinkedHashMap<>();
        List<Sight> sights = disclosure.readAll(result.items(), CallbackJson::customerOf, CallbackJson::caseOf,
                ReadChannel.API);
        List<CallbackJson> items = new ArrayList<>();
        for (int i = 0; i < sights.size(); i++) {
            items.add(CallbackJson.of(result.items().get(i), sights.get(i), tenant.get().zone(), clock.instant(),
                    false));
        }
        body.put("items", items);
        body.put("total", result.total());
        body.put("page", result.page());
        body.put("size", result.size());
        return body;
    }

    /** One callback by its public key (the {@code id} of the callback JSON; database ids are not taken). */
    @GET
    @Path("{id}")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public CallbackJson get(@PathParam("id") String id) {
        caller.get();
        return json(callbacks.get(id));
    }

    /** Records an attempt; the version seen comes in {@code If-Match} or in the body. */
    @POST
    @Path("{id}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Response attempt(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, AttemptBody in) {
        AttemptBody body = in == null ? new AttemptBody(null, null, null, null, null, null, null) : in;
        AttemptInput input = new AttemptInput(
                Params.choice(CallbackMethod.class, body.method(), "method"),
                body.reached(),
                Params.choice(Satisfaction.class, body.satisfaction(), "satisfaction"),
                body.score(), body.comment());
        Actor actor = caller.get();
        if (body.answers() != null && !body.answers().isEmpty() && !Boolean.TRUE.equals(body.reached())) {
            throw KefuException.invalid("answers", "callback.survey.unreached");
        }
        List<AnswerInput> answers = body.answers() == null ? List.of() : body.answers().stream()
                .map(a -> a == null ? null : new AnswerInput(a.position() == null ? 0 : a.position(), a.score(),
                        a.choices(), a.text())).toList();
        CallbackTask task = callbacks.record(id, body.version() != null ? body.version() : Params.version(ifMatch),
                actor, input, answers.isEmpty() ? null : t -> {
                    if (t.complaint() == null) {
                        throw KefuException.invalid("answers", "callback.survey.courtesy");
                    }
                    return surveyResponses.submitForCallback(t.complaint(), actor.username(), answers);
                });
        return Response.status(201).entity(json(task)).build();
    }

    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public CallbackJson assign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, AssignBody in) {
        AssignBody body = in == null ? new AssignBody(null, null) : in;
        return json(callbacks.assign(id, body.version() != null ? body.version() : Params.version(ifMatch),
                caller.get(), body.assignee()));
    }

    /** The figures for {@code from}..{@code to} (days, inclusive; default: this month so far). */
    @GET
    @Path("figures")
    @Allowed({Role.STAFF, Role.SUPERVISOR})
    public Map<String, Object> figures(@QueryParam("from") String from, @QueryParam("to") String to) {
        caller.get();
        Period period = Period.asked(Params.day(from, "from"), Params.day(to, "to"), tenant.get().zone(),
                clock.instant());
        return FiguresJson.of(figures.figures(period, clock.instant()), queue.overdueOpen(clock.instant()));
    }

    private CallbackJson json(CallbackTask task) {
        Sight sight = disclosure.read(CallbackJson.customerOf(task), CallbackJson.caseOf(task), ReadChannel.API);
        return CallbackJson.of(task, sight, tenant.get().zone(), clock.instant(), true);
    }
}
