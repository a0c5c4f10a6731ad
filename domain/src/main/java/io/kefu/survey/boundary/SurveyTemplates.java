package io.kefu.survey.boundary;

import io.kefu.i18n.LocalizedName;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.survey.entity.LocalizedText;
import io.kefu.survey.entity.QuestionDraft;
import io.kefu.survey.entity.QuestionKind;
import io.kefu.survey.entity.SurveyTemplate;
import io.kefu.workspace.entity.Code;
import jakarta.enterprise.context.ApplicationScoped;
import io.kefu.audit.boundary.AuditLog;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's questionnaire templates: create, revise (a new version once answered), publish, read;
 * and the published versions the survey rules point at. Each call one transaction.
 */
@ApplicationScoped
@Transactional
public class SurveyTemplates {

    /** The code of the template every tenant starts with. */
    public static final String DEFAULT_CODE = "satisfaction";

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    SurveyRules rules;

    @Inject
    Clock clock;

    /** The newest version of every template, by code. */
    public List<SurveyTemplate> all() {
        java.util.Map<String, SurveyTemplate> newest = new java.util.LinkedHashMap<>();
        em.createNamedQuery(SurveyTemplate.LATEST, SurveyTemplate.class).getResultList()
                .forEach(t -> newest.putIfAbsent(t.code().value(), t));
        return List.copyOf(newest.values());
    }

    /** Every version of a template, newest first; 404 when there is no such template in this tenant. */
    public List<SurveyTemplate> versions(Code code) {
        List<SurveyTemplate> versions = em.createNamedQuery(SurveyTemplate.VERSIONS, SurveyTemplate.class)
                .setParameter("code", code.value()).getResultList();
        if (versions.isEmpty()) {
            throw KefuException.notFound("survey.template.not.found", code.value());
        }
        return versions;
    }

    public SurveyTemplate latest(Code code) {
        return versions(code).get(0);
    }

    public SurveyTemplate version(Code code, int versionNo) {
        return em.createNamedQuery(SurveyTemplate.VERSION, SurveyTemplate.class).setParameter("code", code.value())
                .setParameter("versionNo", versionNo).getResultStream().findFirst()
                .orElseThrow(() -> KefuException.notFound("survey.template.not.found", code.value() + " v"
                        + versionNo));
    }

    /** The newest published version of a template, if any. */
    public Optional<SurveyTemplate> published(Code code) {
        return em.createNamedQuery(SurveyTemplate.PUBLISHED, SurveyTemplate.class).setParameter("code", code.value())
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The published version of the template the tenant chose for callbacks, if it chose one. */
    public Optional<SurveyTemplate> callbackForm() {
        return Optional.ofNullable(rules.settings().callbackTemplate()).flatMap(c -> published(new Code(c)));
    }

    /** The published version of the template the tenant chose to follow a closed case, if it chose one. */
    public Optional<SurveyTemplate> postCaseForm() {
        return Optional.ofNullable(rules.settings().postCaseTemplate()).flatMap(c -> published(new Code(c)));
    }

    public SurveyTemplate create(Code code, LocalizedName name, List<QuestionDraft> questions) {
        if (!em.createNamedQuery(SurveyTemplate.VERSIONS, SurveyTemplate.class).setParameter("code", code.value())
                .getResultList().isEmpty()) {
            throw KefuException.invalid("code", "survey.template.code.taken", code.value());
        }
        SurveyTemplate template = SurveyTemplate.create(code, name, questions, clock);
        em.persist(template);
        Writes.flush(em);
        audit.record("settings.survey-template.create", code.value(), null, describe(template));
        return template;
    }

    /**
     * Changes the newest version ({@code expectedVersion} as read): in place while unanswered, otherwise as a
     * new unpublished version; the one returned is the version that now holds the change.
     */
    public SurveyTemplate revise(Code code, LocalizedName name, List<QuestionDraft> questions, long expectedVersion) {
        SurveyTemplate latest = latest(code);
        if (latest.version() != expectedVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        String before = describe(latest);
        SurveyTemplate revised = latest.revise(name, questions, isAnswered(latest), clock);
        if (revised != latest) {
            em.persist(revised);
        }
        Writes.flush(em);
        audit.record("settings.survey-template.revise", code.value(), before, describe(revised));
        return revised;
    }

    public SurveyTemplate publish(Code code, int versionNo) {
        SurveyTemplate template = version(code, versionNo);
        template.publish(clock);
        Writes.flush(em);
        audit.record("settings.survey-template.publish", code.value(), null, describe(template));
        return template;
    }

    private static String describe(SurveyTemplate t) {
        java.util.Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", t.versionNo());
        values.put("name", t.name().zh() + " / " + t.name().en());
        values.put("questions", t.questions().size());
        values.put("published", t.isPublished());
        return AuditLog.describe(values);
    }

    public boolean isAnswered(SurveyTemplate template) {
        return em.createQuery("SELECT COUNT(r) FROM SurveyResponse r WHERE r.template = :template", Long.class)
                .setParameter("template", template).getSingleResult() > 0;
    }

    /**
     * Gives a tenant without templates the default questionnaire (satisfaction 1–5, likelihood to recommend,
     * what could be better), published and chosen for both the post-case survey and the callback.
     */
    public void seed() {
        if (!all().isEmpty()) {
            return;
        }
        SurveyTemplate template = SurveyTemplate.create(new Code(DEFAULT_CODE),
                new LocalizedName("客户满意度调查", "Customer satisfaction survey"), defaultQuestions(), clock);
        template.publish(clock);
        em.persist(template);
        var settings = rules.settings();
        rules.update(settings.postCasePercent(), settings.delayHours(), settings.validityDays(), DEFAULT_CODE,
                DEFAULT_CODE, settings.version());
    }

    static List<QuestionDraft> defaultQuestions() {
        return List.of(
                new QuestionDraft(QuestionKind.RATING, true, "您对本次处理结果的满意程度如何？",
                        "How satisfied are you with how your case was handled?", List.of()),
                new QuestionDraft(QuestionKind.RATING, true, "您对客服人员的服务态度满意吗？",
                        "How satisfied are you with our staff's attitude?", List.of()),
                new QuestionDraft(QuestionKind.NPS, false, "您有多大可能向亲友推荐我们的服务？",
                        "How likely are you to recommend us to a friend or neighbour?", List.of()),
                new QuestionDraft(QuestionKind.MULTIPLE, false, "您认为我们在哪些方面需要改进？",
                        "What should we improve?", List.of(
                                new LocalizedText("响应速度", "Speed of response"),
                                new LocalizedText("处理质量", "Quality of the work"),
                                new LocalizedText("沟通与告知", "Keeping me informed"),
                                new LocalizedText("服务态度", "Staff attitude"))),
                new QuestionDraft(QuestionKind.TEXT, false, "还有什么可以做得更好？",
                        "What could we have done better?", List.of()));
    }
}
