package io.kefu.handover.entity;

import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.time.Clocks;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A hand-over (交接班记录): what the leaving staff member passes to the shift that takes over — the cases and
 * callbacks they kept from the prefill with their remarks, equipment problems and notes. Submitted once and never
 * changed (the database refuses UPDATE and DELETE); later additions are {@link HandoverEntry entries}. The shifts are
 * copied as they were, so the log reads the same after the admin changes them.
 */
@Entity
@Table(name = "handover")
@NamedQuery(name = Handover.BY_REF, query = "SELECT h FROM Handover h WHERE h.ref = :ref")
@NamedQuery(name = Handover.COUNT_OF_DAY, query = "SELECT COUNT(h) FROM Handover h WHERE h.ref LIKE :prefix")
@NamedQuery(name = Handover.PAGE, query = "SELECT h FROM Handover h WHERE h.shiftStart >= :from AND h.shiftStart < :to"
        + " AND (:shift IS NULL OR h.shiftCode = :shift) AND (:person IS NULL OR h.author = :person OR EXISTS ("
        + "SELECT a FROM HandoverAck a WHERE a.handover = h AND a.username = :person)) "
        + "ORDER BY h.shiftStart DESC, h.id DESC")
@NamedQuery(name = Handover.COUNT, query = "SELECT COUNT(h) FROM Handover h WHERE h.shiftStart >= :from AND "
        + "h.shiftStart < :to AND (:shift IS NULL OR h.shiftCode = :shift) AND (:person IS NULL OR h.author = :person "
        + "OR EXISTS (SELECT a FROM HandoverAck a WHERE a.handover = h AND a.username = :person))")
@NamedQuery(name = Handover.PENDING, query = "SELECT h FROM Handover h WHERE h.nextEnd > :now AND h.author <> :me "
        + "AND (:shift IS NULL OR h.nextCode = :shift) AND NOT EXISTS (SELECT a FROM HandoverAck a WHERE a.handover = h"
        + " AND a.username = :me) ORDER BY h.nextStart, h.id")
@NamedQuery(name = Handover.LATE, query = "SELECT h FROM Handover h WHERE h.nextStart <= :late AND h.nextEnd > :since "
        + "AND NOT EXISTS (SELECT x FROM HandoverAlert x WHERE x.handover = h) ORDER BY h.id")
public class Handover extends TenantOwned {

    public static final String BY_REF = "Handover.byRef";
    public static final String COUNT_OF_DAY = "Handover.countOfDay";
    public static final String PAGE = "Handover.page";
    public static final String COUNT = "Handover.count";
    public static final String PENDING = "Handover.pending";
    public static final String LATE = "Handover.late";
    public static final int TEXT_MAXLENGTH = 2000;
    /** Nobody of the next shift acknowledged this long into it: the supervisors are told. */
    public static final Duration ACK_GRACE = Duration.ofMinutes(30);
    private static final Pattern REF = Pattern.compile("^HO-\\d{8}-\\d{4}$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ref", nullable = false, updatable = false, length = 20)
    private String ref;

    @Column(name = "author", nullable = false, updatable = false, length = 64)
    private String author;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private OffsetDateTime submittedAt;

    @Column(name = "shift_code", nullable = false, updatable = false, length = 40)
    private String shiftCode;

    @Column(name = "shift_name", nullable = false, updatable = false, length = Shift.NAME_MAXLENGTH)
    private String shiftName;

    @Column(name = "shift_start", nullable = false, updatable = false)
    private OffsetDateTime shiftStart;

    @Column(name = "shift_end", nullable = false, updatable = false)
    private OffsetDateTime shiftEnd;

    @Column(name = "next_code", nullable = false, updatable = false, length = 40)
    private String nextCode;

    @Column(name = "next_name", nullable = false, updatable = false, length = Shift.NAME_MAXLENGTH)
    private String nextName;

    @Column(name = "next_start", nullable = false, updatable = false)
    private OffsetDateTime nextStart;

    @Column(name = "next_end", nullable = false, updatable = false)
    private OffsetDateTime nextEnd;

    @Column(name = "equipment", updatable = false, length = TEXT_MAXLENGTH)
    private String equipment;

    @Column(name = "notes", updatable = false, length = TEXT_MAXLENGTH)
    private String notes;

    // Read with the hand-over in its tenant's transaction (row-level security refuses tenant rows outside it).
    @OneToMany(mappedBy = "handover", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("seq ASC")
    private List<HandoverItem> items = new ArrayList<>();

    protected Handover() {
        // for JPA
    }

    /** A line kept from the prefill, with the author's remark (or none). */
    public record Kept(HandoverItem.Item item, String remark) {
    }

    /**
     * Submits a hand-over of {@code leaving} (the occurrence the author leaves) to {@code next}; {@code serial} is the
     * day's number of this tenant's hand-overs. Every field at fault is named at once.
     */
    public Handover(String author, Shift leaving, ShiftWindow leavingWindow, Shift next, ShiftWindow nextWindow,
            List<Kept> kept, String equipment, String notes, int serial, Clock clock) {
        this.author = author;
        this.submittedAt = Clocks.utcNow(clock);
        this.ref = "HO-" + DAY.format(submittedAt.toLocalDate()) + "-" + String.format("%04d", serial);
        this.shiftCode = leaving.code();
        this.shiftName = leaving.name();
        this.shiftStart = utc(leavingWindow.start());
        this.shiftEnd = utc(leavingWindow.end());
        this.nextCode = next.code();
        this.nextName = next.name();
        this.nextStart = utc(nextWindow.start());
        this.nextEnd = utc(nextWindow.end());
        List<Runnable> checks = new ArrayList<>();
        checks.add(() -> this.equipment = Fields.optional(equipment, "equipment", TEXT_MAXLENGTH));
        checks.add(() -> this.notes = Fields.optional(notes, "notes", TEXT_MAXLENGTH));
        for (int i = 0; i < kept.size(); i++) {
            int seq = i + 1;
            Kept line = kept.get(i);
            checks.add(() -> items.add(new HandoverItem(this, seq, line.item(), line.remark(),
                    "items[" + seq + "].remark")));
        }
        KefuException.checkAll(checks.toArray(Runnable[]::new));
    }

    /** The prefix of the references of hand-overs submitted on {@code day} (UTC), for counting them. */
    public static String refPrefix(LocalDate day) {
        return "HO-" + DAY.format(day) + "-";
    }

    /** A text shaped like a reference; anything else names no hand-over (404). */
    public static boolean isRef(String text) {
        return text != null && REF.matcher(text).matches();
    }

    /** When the supervisors are told if nobody of the next shift acknowledged by then. */
    public Instant ackDeadline() {
        return nextStart.toInstant().plus(ACK_GRACE);
    }

    /** Only the author and supervisors add to a submitted hand-over. */
    public boolean mayAddTo(String username, boolean supervisor) {
        return supervisor || author.equals(username);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public Long id() {
        return id;
    }

    public String ref() {
        return ref;
    }

    public String author() {
        return author;
    }

    public Instant submittedAt() {
        return submittedAt.toInstant();
    }

    public String shiftCode() {
        return shiftCode;
    }

    public String shiftName() {
        return shiftName;
    }

    public ShiftWindow shiftWindow() {
        return new ShiftWindow(shiftStart.toInstant(), shiftEnd.toInstant());
    }

    public String nextCode() {
        return nextCode;
    }

    public String nextName() {
        return nextName;
    }

    public ShiftWindow nextWindow() {
        return new ShiftWindow(nextStart.toInstant(), nextEnd.toInstant());
    }

    public String equipment() {
        return equipment;
    }

    public String notes() {
        return notes;
    }

    public List<HandoverItem> items() {
        return List.copyOf(items);
    }
}
