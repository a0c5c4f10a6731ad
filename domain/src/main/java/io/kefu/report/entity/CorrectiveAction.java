package io.kefu.report.entity;

import io.kefu.complaint.entity.Actor;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * A corrective or preventive action (纠正和预防措施) a department commits to in a quarter's complaint analysis: what
 * will be done, by whom, by when, and which causes and cases it answers. It is open until its owner's department
 * reports it done, and a supervisor verifies it; no step is skipped. The next quarter's report checks it: done on
 * time or not, and whether its causes came back. Addressed as {@code 2026-Q3-2}: the quarter and its number there.
 */
@Entity
@Table(name = "corrective_action")
@NamedQuery(name = CorrectiveAction.OF_QUARTER, query = "SELECT a FROM CorrectiveAction a WHERE a.quarter = :quarter "
        + "ORDER BY a.seq")
@NamedQuery(name = CorrectiveAction.BY_REF, query = "SELECT a FROM CorrectiveAction a WHERE a.quarter = :quarter "
        + "AND a.seq = :seq")
@NamedQuery(name = CorrectiveAction.LAST_SEQ, query = "SELECT MAX(a.seq) FROM CorrectiveAction a "
        + "WHERE a.quarter = :quarter")
@NamedQuery(name = CorrectiveAction.OVERDUE, query = "SELECT a FROM CorrectiveAction a WHERE a.status = :open "
        + "AND a.dueDate < :today AND a.overdueNoticedAt IS NULL ORDER BY a.quarter, a.seq")
public class CorrectiveAction extends TenantOwned {

    public static final String OF_QUARTER = "CorrectiveAction.ofQuarter";
    public static final String BY_REF = "CorrectiveAction.byRef";
    public static final String LAST_SEQ = "CorrectiveAction.lastSeq";
    public static final String OVERDUE = "CorrectiveAction.overdue";
    public static final int DESCRIPTION_MAXLENGTH = 2_000;
    public static final int LIST_MAXLENGTH = 4_000;

    /** Open → done → verified, one step at a time. */
    public enum Status {
        OPEN, DONE, VERIFIED;

        /** The status that follows, or {@code null} after the last. */
        public Status next() {
            return this == VERIFIED ? null : values()[ordinal() + 1];
        }
    }

    /** What an action commits to, as the supervisor writes it. */
    public record Commitment(String departmentCode, String description, String owner, LocalDate dueDate,
            List<String> causeKeys, List<String> caseNumbers) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "quarter", nullable = false, length = Quarter.TEXT_LENGTH)
    private String quarter;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "department_code", nullable = false, length = 40)
    private String departmentCode;

    @Column(name = "description", nullable = false, length = DESCRIPTION_MAXLENGTH)
    private String description;

    @Column(name = "owner_username", nullable = false, length = 64)
    private String ownerUsername;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    /** The keys of the causes it answers, one a line. */
    @Column(name = "cause_keys", nullable = false, length = LIST_MAXLENGTH)
    private String causeKeys;

    /** The numbers of the cases it answers, one a line. */
    @Column(name = "case_numbers", nullable = false, length = LIST_MAXLENGTH)
    private String caseNumbers;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "done_at")
    private OffsetDateTime doneAt;

    @Column(name = "done_by", length = 64)
    private String doneBy;

    @Column(name = "verified_at")
    private OffsetDateTime verifiedAt;

    @Column(name = "verified_by", length = 64)
    private String verifiedBy;

    /** When its owner and the manager were told it is overdue: once, whichever node's job did it. */
    @Column(name = "overdue_noticed_at")
    private OffsetDateTime overdueNoticedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CorrectiveAction() {
        // for JPA
    }

    /**
     * A new open action of {@code quarter}, number {@code seq} there. The department, owner and the causes' and
     * cases' existence are the boundary's checks; here: the text, a due date not before {@code today} (the
     * tenant's), and at least one cause or case answered.
     */
    public CorrectiveAction(Quarter quarter, int seq, Commitment c, Actor actor, LocalDate today, Clock clock) {
        KefuException.checkAll(
                () -> {
                    if (c.description() == null || c.description().isBlank()) {
                        throw KefuException.invalid("description", "field.required");
                    }
                    if (c.description().strip().length() > DESCRIPTION_MAXLENGTH) {
                        throw KefuException.invalid("description", "field.too.long", DESCRIPTION_MAXLENGTH);
                    }
                },
                () -> {
                    if (c.dueDate() == null) {
                        throw KefuException.invalid("dueDate", "field.required");
                    }
                    if (c.dueDate().isBefore(today)) {
                        throw KefuException.invalid("dueDate", "action.due.past", today.toString());
                    }
                },
                () -> {
                    if (c.causeKeys().isEmpty() && c.caseNumbers().isEmpty()) {
                        throw KefuException.invalid("causes", "action.answers.required");
                    }
                    if (String.join("\n", c.causeKeys()).length() > LIST_MAXLENGTH
                            || String.join("\n", c.caseNumbers()).length() > LIST_MAXLENGTH) {
                        throw KefuException.invalid("causes", "field.too.long", LIST_MAXLENGTH);
                    }
                });
        this.quarter = quarter.toString();
        this.seq = seq;
        this.departmentCode = c.departmentCode();
        this.description = c.description().strip();
        this.ownerUsername = c.owner();
        this.dueDate = c.dueDate();
        this.causeKeys = String.join("\n", c.causeKeys());
        this.caseNumbers = String.join("\n", c.caseNumbers());
        this.status = Status.OPEN;
        this.createdBy = actor.username();
        this.createdAt = now(clock);
    }

    /**
     * Moves the action on to {@code to}, which must be the next status: open → done → verified. Skipping a step or
     * going back is a conflict, and nothing changes.
     */
    public void advance(Status to, Actor actor, Clock clock) {
        if (to == null || to != status.next()) {
            throw KefuException.conflict("action.status.skip", status.name(),
                    to == null ? "—" : to.name(), status.next() == null ? "—" : status.next().name());
        }
        if (to == Status.DONE) {
            doneAt = now(clock);
            doneBy = actor.username();
        } else {
            verifiedAt = now(clock);
            verifiedBy = actor.username();
        }
        status = to;
    }

    /** Open past its due date (the due date's whole day counts, in the tenant's zone). */
    public boolean isOverdue(LocalDate today) {
        return status == Status.OPEN && dueDate.isBefore(today);
    }

    /** Done by the end of its due date in the tenant's zone; {@code null} while open and not yet due. */
    public Boolean doneOnTime(ZoneId zone, LocalDate today) {
        if (doneAt == null) {
            return dueDate.isBefore(today) ? Boolean.FALSE : null;
        }
        return !doneAt.atZoneSameInstant(zone).toLocalDate().isAfter(dueDate);
    }

    public void overdueNoticed(Clock clock) {
        overdueNoticedAt = now(clock);
    }

    /** {@code 2026-Q3-2}. */
    public String ref() {
        return quarter + "-" + seq;
    }

    /** An action's address: its quarter and its number there, {@code 2026-Q3-2}. */
    public record Ref(Quarter quarter, int seq) {

        private static final java.util.regex.Pattern TEXT = java.util.regex.Pattern.compile(
                "^(\\d{4}-Q[1-4])-(\\d{1,6})$");

        /** The address written {@code 2026-Q3-2}, or empty for anything else (which names no action). */
        public static java.util.Optional<Ref> parse(String text) {
            java.util.regex.Matcher m = TEXT.matcher(text == null ? "" : text.strip().toUpperCase(
                    java.util.Locale.ROOT));
            return m.matches() ? java.util.Optional.of(new Ref(Quarter.parse(m.group(1)),
                    Integer.parseInt(m.group(2)))) : java.util.Optional.empty();
        }

        @Override
        public String toString() {
            return quarter + "-" + seq;
        }
    }

    public Quarter quarter() {
        return Quarter.parse(quarter);
    }

    public int seq() {
        return seq;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String description() {
        return description;
    }

    public String owner() {
        return ownerUsername;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public List<String> causeKeys() {
        return lines(causeKeys);
    }

    public List<String> caseNumbers() {
        return lines(caseNumbers);
    }

    public Status status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime doneAt() {
        return doneAt;
    }

    public String doneBy() {
        return doneBy;
    }

    public OffsetDateTime verifiedAt() {
        return verifiedAt;
    }

    public String verifiedBy() {
        return verifiedBy;
    }

    public long version() {
        return version;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
