package io.kefu.phrase.boundary;

import io.kefu.phrase.ForbiddenPhrases;
import io.kefu.phrase.entity.CannedReply;
import io.kefu.phrase.entity.PhraseRule;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import jakarta.enterprise.context.ApplicationScoped;
import io.kefu.audit.boundary.AuditLog;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The current tenant's service language: its forbidden phrases (seeded from the regulations' 服务忌语 when
 * the tenant opens, then its own to edit) and its canned replies per category.
 */
@ApplicationScoped
@Transactional
public class ServiceLanguage {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    io.kefu.workspace.boundary.Workspace workspace;

    /** The checker for public replies, with the tenant's phrases. */
    public ForbiddenPhrases phrases() {
        return ForbiddenPhrases.of(rules().stream().map(PhraseRule::rule).toList());
    }

    public List<PhraseRule> rules() {
        return em.createNamedQuery(PhraseRule.ALL, PhraseRule.class).getResultList();
    }

    public PhraseRule addPhrase(String phrase, String suggestion) {
        PhraseRule rule = new PhraseRule(phrase, suggestion);
        if (!em.createNamedQuery(PhraseRule.BY_PHRASE, PhraseRule.class).setParameter("phrase", rule.phrase())
                .getResultList().isEmpty()) {
            throw new KefuException(Failure.CONFLICT, "phrase", "phrase.taken", rule.phrase());
        }
        em.persist(rule);
        Writes.flush(em);
        audit.record("settings.phrase.add", rule.phrase(), null, "suggestion=" + nullToEmpty(rule.suggestion()));
        return rule;
    }

    public void removePhrase(String phrase) {
        em.createNamedQuery(PhraseRule.BY_PHRASE, PhraseRule.class).setParameter("phrase", phrase)
                .getResultStream().forEach(r -> {
                    em.remove(r);
                    audit.record("settings.phrase.remove", r.phrase(), "suggestion=" + nullToEmpty(r.suggestion()),
                            null);
                });
    }

    /** Gives a new tenant the regulations' list. */
    public void seed() {
        if (rules().isEmpty()) {
            ForbiddenPhrases.regulations().rules().forEach(r -> em.persist(new PhraseRule(r.phrase(), r.suggestion())));
        }
    }

    public List<CannedReply> cannedReplies() {
        return em.createNamedQuery(CannedReply.ALL, CannedReply.class).getResultList();
    }

    /** The replies for a case of this category, and those for every case. */
    public List<CannedReply> cannedRepliesFor(String categoryCode) {
        return em.createNamedQuery(CannedReply.FOR_CATEGORY, CannedReply.class)
                .setParameter("category", categoryCode == null ? "" : categoryCode).getResultList();
    }

    /** A canned reply must itself pass the phrase check: a template would otherwise spread a forbidden phrase. */
    public CannedReply addCannedReply(String categoryCode, String title, String body) {
        CannedReply reply = new CannedReply(categoryCode, title, body);
        if (reply.categoryCode() != null && workspace.categories().stream()
                .noneMatch(c -> c.code().value().equals(reply.categoryCode()))) {
            throw KefuException.invalid("categoryCode", "category.not.found", reply.categoryCode());
        }
        if (!em.createNamedQuery(CannedReply.BY_TITLE, CannedReply.class).setParameter("title", reply.title())
                .getResultList().isEmpty()) {
            throw new KefuException(Failure.CONFLICT, "title", "canned.title.taken", reply.title());
        }
        phrases().requireCourteous(reply.body(), "body");
        em.persist(reply);
        Writes.flush(em);
        audit.record("settings.canned-reply.add", reply.title(), null, "category=" + nullToEmpty(reply.categoryCode())
                + "\nbody=" + reply.body());
        return reply;
    }

    public void removeCannedReply(String title) {
        em.createNamedQuery(CannedReply.BY_TITLE, CannedReply.class).setParameter("title", title)
                .getResultStream().forEach(r -> {
                    em.remove(r);
                    audit.record("settings.canned-reply.remove", r.title(), "category="
                            + nullToEmpty(r.categoryCode()) + "\nbody=" + r.body(), null);
                });
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
