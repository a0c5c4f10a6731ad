package io.kefu.survey.entity;

import io.kefu.i18n.LocalizedName;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.time.Clocks;
import io.kefu.workspace.entity.Code;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * One version of a questionnaire (专题调查问卷), named by the template's code and its version number.
 *
 * <p>A version is edited in place until somebody has answered it; from then on it is what those answers
 * mean, so an edit makes the next version instead ({@link #revise}) and the answered one stays as it was. A
 * version is sent to residents only once published; the newest published version of a code is the one in
 * use. The questions are numbered from 1 in the order given.
 */
@Entity
@Table(name = "survey_template")
@NamedQuery(name = SurveyTemplate.VERSIONS, query = "SELECT t FROM SurveyTemplate t WHERE t.code = :code "
        + "ORDER BY t.versionNo DESC")
@NamedQuery(name = SurveyTemplate.PUBLISHED, query = "SELECT t FROM SurveyTemplate t WHERE t.code = :code "
        + "AND t.publishedAt IS NOT NULL ORDER BY t.versionNo DESC")
@NamedQuery(name = SurveyTemplate.VERSION, query = "SELECT t FROM SurveyTemplate t WHERE t.code = :code "
        + "AND t.versionNo = :versionNo")
// Every version, newest first per code; the caller keeps the first of each code. No correlated subquery: the
// tenant discriminator must bound every row read, and a tenant has few templates.
@NamedQuery(name = SurveyTemplate.LATEST, query = "SELECT t FROM SurveyTemplate t ORDER BY t.code, t.versionNo DESC")
public class SurveyTemplate extends TenantOwned {

    public static final String VERSIONS = "SurveyTemplate.versions";
    public static final String PUBLISHED = "SurveyTemplate.published";
    public static final String VERSION = "SurveyTemplate.version";
    public static final String LATEST = "SurveyTemplate.latest";
    public static final int MAX_QUESTIONS = 30;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, updatable = false, length = Code.MAX_LENGTH)
    private String code;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;

    @Embedded
    private LocalizedName name;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    // Read with the template in its tenant's transaction, never lazily afterwards: outside a transaction of its tenant
    // the database refuses tenant rows (row-level security), and pages and answers show them after the commit.
    // Batched: one query for the questions of every template a query returns.
    @OneToMany(mappedBy = "template", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @OrderBy("position ASC")
    private List<Question> questions = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SurveyTemplate() {
        // for JPA
    }

    /** The first version of a new template, not yet published. */
    public static SurveyTemplate create(Code code, LocalizedName name, List<QuestionDraft> drafts, Clock clock) {
        SurveyTemplate template = new SurveyTemplate();
        template.code = code.value();
        template.versionNo = 1;
        template.createdAt = Clocks.utcNow(clock);
        template.change(name, drafts);
        return template;
    }

    /**
     * New name and questions. Returns this version, changed, when nobody answered it yet; otherwise a new,
     * unpublished version with the next number, and this one stays untouched.
     */
    public SurveyTemplate revise(LocalizedName newName, List<QuestionDraft> drafts, boolean answered, Clock clock) {
        if (!answered) {
            change(newName, drafts);
            return this;
        }
        SurveyTemplate next = new SurveyTemplate();
        next.code = code;
        next.versionNo = versionNo + 1;
        next.createdAt = Clocks.utcNow(clock);
        next.change(newName, drafts);
        return next;
    }

    private void change(LocalizedName newName, List<QuestionDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw KefuException.invalid("questions", "survey.questions.none");
        }
        if (drafts.size() > MAX_QUESTIONS) {
            throw KefuException.invalid("questions", "survey.questions.many", MAX_QUESTIONS);
        }
        List<Question> checked = new ArrayList<>();
        List<Runnable> checks = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            int position = i + 1;
            QuestionDraft draft = drafts.get(i);
            checks.add(() -> checked.add(new Question(this, position, draft)));
        }
        KefuException.checkAll(checks.toArray(Runnable[]::new));
        this.name = io.kefu.problem.Fields.required(newName, "name");
        // Rows keep their positions (unique per version): existing ones take the new wording, the rest are added
        // or removed. EclipseLink deletes last, so replacing all rows would collide with the old positions.
        for (int i = 0; i < checked.size(); i++) {
            if (i < questions.size()) {
                questions.get(i).copy(checked.get(i));
            } else {
                questions.add(checked.get(i));
            }
        }
        while (questions.size() > checked.size()) {
            questions.remove(questions.size() - 1);
        }
    }

    public void publish(Clock clock) {
        if (publishedAt == null) {
            publishedAt = Clocks.utcNow(clock);
        }
    }

    /**
     * The answers these inputs make, every question checked at once (an error per question at fault), for a
     * response to this version. Nothing is stored here: the caller persists the response with its answers.
     */
    public List<Answer> answers(SurveyResponse response, List<AnswerInput> inputs) {
        Map<Integer, AnswerInput> byPosition = new HashMap<>();
        for (AnswerInput input : inputs == null ? List.<AnswerInput>of() : inputs) {
            if (input == null || question(input.position()).isEmpty()) {
                throw KefuException.invalid("answers", "survey.answer.unknown",
                        input == null ? "-" : input.position());
            }
            if (byPosition.put(input.position(), input) != null) {
                throw KefuException.invalid("q" + input.position(), "survey.answer.twice");
            }
        }
        List<Answer> answers = new ArrayList<>();
        KefuException.checkAll(questions.stream().<Runnable>map(q -> () -> answers.addAll(
                q.answer(response, byPosition.get(q.position())))).toArray(Runnable[]::new));
        return answers;
    }

    public Optional<Question> question(int position) {
        return questions.stream().filter(q -> q.position() == position).findFirst();
    }

    public Long id() {
        return id;
    }

    public Code code() {
        return new Code(code);
    }

    public int versionNo() {
        return versionNo;
    }

    public LocalizedName name() {
        return name;
    }

    public boolean isPublished() {
        return publishedAt != null;
    }

    public java.time.Instant publishedAt() {
        return publishedAt == null ? null : publishedAt.toInstant();
    }

    public List<Question> questions() {
        return List.copyOf(questions);
    }

    public long version() {
        return version;
    }
}
