package io.kefu.survey.boundary;

import io.kefu.survey.control.Scores;
import io.kefu.survey.entity.Invitation;
import io.kefu.survey.entity.Question;
import io.kefu.survey.entity.QuestionKind;
import io.kefu.survey.entity.SurveyTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of one template version (满意度调查的统计分析): responses and the response rate, each question's
 * distribution, average and NPS, and the same figures broken down by department, case owner, category or
 * month. Every figure comes from grouped queries — counts per question and value, sums per group — so a
 * tenant's answers are never loaded one by one.
 */
@ApplicationScoped
@Transactional
public class SurveyResults {

    /** What results can be broken down by: a column the response keeps. */
    public enum By {
        DEPARTMENT("departmentCode"), OWNER("owner"), CATEGORY("categoryCode"), MONTH("period");

        private final String attribute;

        By(String attribute) {
            this.attribute = attribute;
        }
    }

    /** One question's figures; {@code distribution} is value (score or option number) → answers. */
    public record QuestionResult(Question question, long answered, Map<Integer, Long> distribution, Double average,
            Double nps, List<String> latestTexts) {
    }

    /**
     * A version's figures: invitations sent, responses (all channels) and those through an invitation, the
     * response rate (responses through an invitation ÷ invitations sent), and every question's result.
     */
    public record Summary(SurveyTemplate template, long invitationsSent, long responses, long invitedResponses,
            Double responseRate, List<QuestionResult> questions) {
    }

    /** The figures of one group: responses, the mean of all rating answers, the NPS of all NPS answers. */
    public record Group(String key, long responses, Double averageRating, Double nps) {
    }

    private static final int LATEST_TEXTS = 20;

    @Inject
    EntityManager em;

    public Summary summary(SurveyTemplate template) {
        long sent = em.createNamedQuery(Invitation.SENT_OF_TEMPLATE, Long.class).setParameter("template", template)
                .getSingleResult();
        Object[] counts = em.createQuery("SELECT COUNT(r), SUM(CASE WHEN r.invitation IS NULL THEN 0 ELSE 1 END) "
                + "FROM SurveyResponse r WHERE r.template = :template", Object[].class)
                .setParameter("template", template).getSingleResult();
        long responses = number(counts[0]);
        long invited = number(counts[1]);
        Map<Long, Map<Integer, Long>> distributions = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT a.question.id, a.score, a.choice, COUNT(a) FROM Answer a "
                + "WHERE a.question.template = :template AND a.text IS NULL "
                + "GROUP BY a.question.id, a.score, a.choice", Object[].class)
                .setParameter("template", template).getResultList()) {
            Integer value = row[1] != null ? (Integer) row[1] : (Integer) row[2];
            distributions.computeIfAbsent((Long) row[0], q -> new TreeMap<>()).merge(value, number(row[3]),
                    Long::sum);
        }
        Map<Long, Long> answered = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT a.question.id, COUNT(DISTINCT a.response.id) FROM Answer a "
                + "WHERE a.question.template = :template GROUP BY a.question.id", Object[].class)
                .setParameter("template", template).getResultList()) {
            answered.put((Long) row[0], number(row[1]));
        }
        List<QuestionResult> questions = new ArrayList<>();
        for (Question q : template.questions()) {
            Map<Integer, Long> distribution = distributions.getOrDefault(q.id(), new TreeMap<>());
            List<String> texts = q.kind() != QuestionKind.TEXT ? List.of() : em.createQuery(
                    "SELECT a.text FROM Answer a WHERE a.question = :question ORDER BY a.id DESC", String.class)
                    .setParameter("question", q).setMaxResults(LATEST_TEXTS).getResultList();
            questions.add(new QuestionResult(q, answered.getOrDefault(q.id(), 0L), distribution,
                    q.kind().isScored() ? Scores.average(distribution) : null,
                    q.kind() == QuestionKind.NPS ? Scores.nps(distribution) : null, texts));
        }
        return new Summary(template, sent, responses, invited, Scores.rate(invited, sent), questions);
    }

    /** The version's figures per group, groups in order; responses without the attribute under key null. */
    public List<Group> breakdown(SurveyTemplate template, By by) {
        String attribute = "r." + by.attribute;
        String rating = "io.kefu.survey.entity.QuestionKind.RATING";
        String nps = "io.kefu.survey.entity.QuestionKind.NPS";
        List<Group> groups = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT " + attribute + ", COUNT(DISTINCT r.id), "
                + "SUM(CASE WHEN q.kind = " + rating + " THEN a.score ELSE 0 END), "
                + "SUM(CASE WHEN q.kind = " + rating + " THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN q.kind = " + nps + " AND a.score >= " + Scores.PROMOTER_FROM + " THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN q.kind = " + nps + " AND a.score <= " + Scores.DETRACTOR_TO + " THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN q.kind = " + nps + " THEN 1 ELSE 0 END) "
                + "FROM Answer a JOIN a.response r JOIN a.question q WHERE r.template = :template "
                + "GROUP BY " + attribute + " ORDER BY " + attribute, Object[].class)
                .setParameter("template", template).getResultList()) {
            long ratings = number(row[3]);
            groups.add(new Group((String) row[0], number(row[1]),
                    ratings == 0 ? null : (double) number(row[2]) / ratings,
                    Scores.nps(number(row[4]), number(row[5]), number(row[6]))));
        }
        return groups;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
