package io.kefu.portal.callback;

import io.kefu.callback.boundary.CallbackSettings;
import io.kefu.callback.boundary.Callbacks;
import io.kefu.callback.entity.AttemptInput;
import io.kefu.callback.entity.CallbackAttempt;
import io.kefu.callback.entity.CallbackMethod;
import io.kefu.callback.entity.CallbackTask;
import io.kefu.callback.entity.Satisfaction;
import io.kefu.faces.FacesFailures;
import io.kefu.faces.QuestionView;
import io.kefu.survey.boundary.SurveyResponses;
import io.kefu.survey.boundary.SurveyTemplates;
import io.kefu.survey.entity.AnswerInput;
import io.kefu.identity.boundary.Member;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.Office;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import io.kefu.confidentiality.boundary.Disclosure;
import io.kefu.confidentiality.control.Contact;
import io.kefu.confidentiality.entity.ReadChannel;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One callback (/t/{tenant}/staff/callbacks/{key}, its public key): who to call and why, the attempts so far, and
 * the form to record the next one, with the answers to the tenant's callback questionnaire when the resident is
 * reached. Its outcome closes the case or sends it back to the owner, which the page says. The version it was
 * rendered with goes back with the attempt; view-scoped and bound to its tenant and callback.
 */
@Named
@ViewScoped
public class CallbackPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Disclosure disclosure;

    @Inject
    Callbacks callbacks;

    @Inject
    CallbackSettings settings;

    @Inject
    CallerActor caller;

    @Inject
    SurveyTemplates surveyTemplates;

    @Inject
    SurveyResponses surveyResponses;

    @Inject
    Office office;

    @Inject
    CurrentTenant tenant;

    @Inject
    HttpServletRequest request;

    @Inject
    Clock clock;

    private long tenantId;
    private String id;
    private transient CallbackTask task;
    private transient Contact contact;
    private transient boolean looked;
    private Long version;
    private CallbackMethod method = CallbackMethod.PHONE;
    private Boolean reached = Boolean.TRUE;
    private Satisfaction satisfaction;
    private Integer score;
    private String comment;
    private String assignee;
    /** The tenant's callback questionnaire, asked during the call of a case; empty when it has none. */
    private List<QuestionView> questions;

    @PostConstruct
    void bind() {
        tenantId = tenant.get().id();
        id = (String) request.getAttribute(TenantPath.PARAMETER);
    }

    private boolean sameCallback() {
        if (tenant.get().id() == tenantId && Objects.equals(id, request.getAttribute(TenantPath.PARAMETER))) {
            return true;
        }
        FacesFailures.show(KefuException.conflict("concurrent.change"), null);
        return false;
    }

    /** The callback's contact as the reader may see it; reading it unmasked is logged once per request. */
    public Contact getContact() {
        if (contact == null && getTask() != null) {
            contact = disclosure.read(CallbackJson.customerOf(task), CallbackJson.caseOf(task), ReadChannel.PAGE)
                    .apply(CallbackJson.contactOf(task));
        }
        return contact;
    }

    public CallbackTask getTask() {
        if (!looked) {
            looked = true;
            task = sameCallback() && id != null ? callbacks.find(id).orElse(null) : null;
            if (task != null && version == null) {
                version = task.version();
            }
        }
        return task;
    }

    public void record() {
        if (!sameCallback()) {
            return;
        }
        boolean reachedNow = Boolean.TRUE.equals(reached);
        List<AnswerInput> answers = reachedNow ? getQuestions().stream().map(QuestionView::answer).toList() : List.of();
        String me = caller.get().username();
        try {
            task = callbacks.record(id, version, caller.get(), new AttemptInput(method, reached,
                    reachedNow ? satisfaction : null, reachedNow ? score : null, comment),
                    answered(answers) ? t -> surveyResponses.submitForCallback(t.complaint(), me, answers) : null);
            looked = true;
            version = task.version();
            FacesFailures.info(task.outcome() == null ? "callback.done.attempt" : "callback.done." + task.outcome());
            satisfaction = null;
            score = null;
            comment = null;
        } catch (KefuException failure) {
            FacesContext faces = FacesContext.getCurrentInstance();
            if (!QuestionView.showErrors(getQuestions(), failure,
                    (key, args) -> FacesFailures.text(faces, key, args))) {
                FacesFailures.show(failure, "callback");
            } else {
                FacesFailures.info("survey.fix");
            }
            if ("concurrent.change".equals(failure.messageKey())) {
                reload();
            }
        }
    }

    /** Whether anything of the questionnaire was answered: it is optional as a whole, checked once begun. */
    private static boolean answered(List<AnswerInput> answers) {
        return answers.stream().anyMatch(a -> a.score() != null || !a.choices().isEmpty()
                || (a.text() != null && !a.text().isBlank()));
    }

    /**
     * The callback questionnaire's questions, for a case's callback while it is open and the case has not answered
     * it yet (a case reopened and resolved again was asked on its first callback).
     */
    public List<QuestionView> getQuestions() {
        if (questions == null) {
            questions = getTask() != null && getTask().complaint() != null && isOpen()
                    && !surveyResponses.answeredOnCallback(getTask().complaint())
                    ? surveyTemplates.callbackForm().map(t -> QuestionView.of(t.questions(),
                            FacesContext.getCurrentInstance().getViewRoot().getLocale())).orElse(List.of())
                    : List.of();
        }
        return questions;
    }

    /** Staff take an unassigned callback; supervisors give it to the chosen staff member. */
    public void assign(boolean toMe) {
        if (!sameCallback()) {
            return;
        }
        try {
            task = callbacks.assign(id, version, caller.get(), toMe ? caller.get().username()
                    : assignee);
            looked = true;
            version = task.version();
            FacesFailures.info("callback.done.assigned");
        } catch (KefuException failure) {
            FacesFailures.show(failure, "callback");
            if ("concurrent.change".equals(failure.messageKey())) {
                reload();
            }
        }
    }

    private void reload() {
        looked = false;
        contact = null;
        version = null;
        getTask();
    }

    public boolean isOpen() {
        return getTask() != null && getTask().status() == CallbackTask.Status.OPEN;
    }

    /** Whether this user may record attempts by the tenant's policy (the domain checks again). */
    public boolean isCaller() {
        return settings.policy().mayCall(caller.get()) && !isResolverBarred();
    }

    /** This user resolved the case, and the tenant has somebody else make its callback: the page says so. */
    public boolean isResolverBarred() {
        CallbackTask shown = getTask();
        return shown != null && !settings.policy().resolverMayCallBack()
                && caller.get().username().equals(shown.resolvedBy());
    }

    public boolean isSupervisor() {
        return caller.get().supervisor();
    }

    public boolean isOverdue() {
        return getTask() != null && getTask().isOverdue(clock.instant());
    }

    public int getMaxAttempts() {
        return settings.policy().maxAttempts();
    }

    /** Newest first, as the history reads elsewhere. */
    public List<CallbackAttempt> getAttempts() {
        if (getTask() == null) {
            return List.of();
        }
        List<CallbackAttempt> attempts = new ArrayList<>(getTask().attempts());
        Collections.reverse(attempts);
        return attempts;
    }

    public List<Member> getStaff() {
        return office.assignable();
    }

    public List<CallbackMethod> getMethods() {
        return CallbackMethod.staffMethods();
    }

    public Satisfaction[] getSatisfactions() {
        return Satisfaction.values();
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public CallbackMethod getMethod() {
        return method;
    }

    public void setMethod(CallbackMethod method) {
        this.method = method;
    }

    public Boolean getReached() {
        return reached;
    }

    public void setReached(Boolean reached) {
        this.reached = reached;
    }

    public Satisfaction getSatisfaction() {
        return satisfaction;
    }

    public void setSatisfaction(Satisfaction satisfaction) {
        this.satisfaction = satisfaction;
    }

    public Integer getScore() {
        return score;
    }

    public void setScore(Integer score) {
        this.score = score;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }
}
