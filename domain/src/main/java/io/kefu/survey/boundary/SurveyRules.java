package io.kefu.survey.boundary;

import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.survey.entity.SurveySettings;
import io.kefu.survey.entity.SurveyTemplate;
import io.kefu.workspace.entity.Code;
import jakarta.enterprise.context.ApplicationScoped;
import io.kefu.audit.boundary.AuditLog;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The current tenant's survey rules. They start as {@link SurveySettings#defaults()} and are stored the first
 * time an admin saves them.
 */
@ApplicationScoped
@Transactional
public class SurveyRules {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    public SurveySettings settings() {
        return stored().orElseGet(SurveySettings::defaults);
    }

    /** Saves the rules as a whole; {@code expectedVersion} as read (ignored the first time they are saved). */
    public SurveySettings update(Integer percent, Integer delayHours, Integer validityDays, String postCaseTemplate,
            String callbackTemplate, long expectedVersion) {
        Optional<SurveySettings> stored = stored();
        if (stored.isPresent() && stored.get().version() != expectedVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        SurveySettings settings = stored.orElseGet(SurveySettings::defaults);
        String before = describe(settings);
        Code[] templates = new Code[2];
        KefuException.checkAll(
                () -> templates[0] = template(postCaseTemplate, "postCaseTemplate"),
                () -> templates[1] = template(callbackTemplate, "callbackTemplate"),
                () -> settings.change(percent, delayHours, validityDays, null, null));
        settings.change(percent, delayHours, validityDays, templates[0], templates[1]);
        if (stored.isEmpty()) {
            em.persist(settings);
        }
        Writes.flush(em);
        audit.record("settings.survey", "survey-rules", before, describe(settings));
        return settings;
    }

    private static String describe(SurveySettings s) {
        java.util.Map<String, Object> values = new LinkedHashMap<>();
        values.put("postCasePercent", s.postCasePercent());
        values.put("delayHours", s.delayHours());
        values.put("validityDays", s.validityDays());
        values.put("postCaseTemplate", s.postCaseTemplate());
        values.put("callbackTemplate", s.callbackTemplate());
        return AuditLog.describe(values);
    }

    /** A template code that names a template of this tenant, or none when blank. */
    private Code template(String code, String field) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Code parsed;
        try {
            parsed = new Code(code.strip());
        } catch (KefuException | IllegalArgumentException e) {
            throw KefuException.invalid(field, "survey.template.not.found", code);
        }
        boolean exists = !em.createNamedQuery(SurveyTemplate.VERSIONS, SurveyTemplate.class)
                .setParameter("code", parsed.value()).setMaxResults(1).getResultList().isEmpty();
        if (!exists) {
            throw KefuException.invalid(field, "survey.template.not.found", code);
        }
        return parsed;
    }

    private Optional<SurveySettings> stored() {
        return em.createNamedQuery(SurveySettings.OF_TENANT, SurveySettings.class).getResultStream().findFirst();
    }
}
