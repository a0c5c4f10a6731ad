package io.kefu.compensation.entity;

import io.kefu.phrase.ForbiddenPhrases;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A tenant's authority for compensation (核决权限): up to which amount staff, supervisors and the named manager may
 * approve a proposal (the manager without limit unless one is set), and the words by which a reply promises
 * compensation (赔偿您, refund you…), stopped until a proposal of the case is approved. A tenant that never changed
 * anything works with {@link #defaults()}.
 */
@Entity
@Table(name = "compensation_policy")
@NamedQuery(name = CompensationPolicy.OF_TENANT, query = "SELECT p FROM CompensationPolicy p")
public class CompensationPolicy extends TenantOwned {

    public static final String OF_TENANT = "CompensationPolicy.ofTenant";
    public static final int WORD_MAXLENGTH = 40;
    public static final int MAX_WORDS = 50;
    public static final int WORDS_MAXLENGTH = MAX_WORDS * (WORD_MAXLENGTH + 1);

    /** What a reply says when it promises compensation, in both languages the office answers in. */
    public static final List<String> DEFAULT_PROMISE_WORDS = List.of("赔偿您", "给您赔", "赔给您", "补偿您", "给您补偿",
            "退款给您", "给您退款", "给您退货", "refund you", "compensate you", "reimburse you", "pay you back");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "staff_limit_fen", nullable = false)
    private long staffLimitFen;

    @Column(name = "supervisor_limit_fen", nullable = false)
    private long supervisorLimitFen;

    /** {@code null}: the manager approves any amount. */
    @Column(name = "manager_limit_fen")
    private Long managerLimitFen;

    /** One word a line. */
    @Column(name = "promise_words", nullable = false, length = WORDS_MAXLENGTH)
    private String promiseWords;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CompensationPolicy() {
        // for JPA
    }

    /** Staff up to 200 元, supervisors up to 2,000 元, the manager without limit; the default promise words. */
    public static CompensationPolicy defaults() {
        CompensationPolicy policy = new CompensationPolicy();
        policy.staffLimitFen = 20_000;
        policy.supervisorLimitFen = 200_000;
        policy.managerLimitFen = null;
        policy.promiseWords = String.join("\n", DEFAULT_PROMISE_WORDS);
        return policy;
    }

    /**
     * New limits in fen ({@code managerFen} {@code null}: no limit) and promise words, checked as a whole: each level
     * may approve at least what the level below it may, and there is at least one promise word.
     */
    public void change(long staffFen, long supervisorFen, Long managerFen, List<String> words) {
        KefuException.checkAll(() -> {
            if (supervisorFen < staffFen) {
                throw KefuException.invalid("supervisorLimit", "compensation.limit.order");
            }
        }, () -> {
            if (managerFen != null && managerFen < supervisorFen) {
                throw KefuException.invalid("managerLimit", "compensation.limit.order");
            }
        }, () -> words(words));
        this.staffLimitFen = staffFen;
        this.supervisorLimitFen = supervisorFen;
        this.managerLimitFen = managerFen;
        this.promiseWords = String.join("\n", words(words));
    }

    /** The most a person of this level may approve, in fen; {@code null}: no limit. */
    public Long limitOf(Authority authority) {
        return switch (authority) {
            case STAFF -> staffLimitFen;
            case SUPERVISOR -> supervisorLimitFen;
            case MANAGER -> managerLimitFen;
        };
    }

    /** The promise words as a phrase checker: matched like forbidden phrases (case, full width, whole words). */
    public ForbiddenPhrases promises() {
        return ForbiddenPhrases.of(promiseWords().stream().map(w -> new ForbiddenPhrases.Rule(w, null)).toList());
    }

    public List<String> promiseWords() {
        return Arrays.stream(promiseWords.split("\n")).filter(w -> !w.isBlank()).toList();
    }

    public long version() {
        return version;
    }

    private static List<String> words(List<String> words) {
        Set<String> kept = new LinkedHashSet<>();
        for (String word : words == null ? List.<String>of() : words) {
            String w = word == null ? "" : word.strip();
            if (w.length() > WORD_MAXLENGTH) {
                throw KefuException.invalid("promiseWords", "field.too.long", WORD_MAXLENGTH);
            }
            if (!w.isEmpty()) {
                io.kefu.problem.Fields.showable(w, "promiseWords");
                kept.add(w);
            }
        }
        if (kept.isEmpty()) {
            throw KefuException.invalid("promiseWords", "field.required");
        }
        if (kept.size() > MAX_WORDS) {
            throw KefuException.invalid("promiseWords", "compensation.words.too.many", MAX_WORDS);
        }
        return List.copyOf(kept);
    }
}
