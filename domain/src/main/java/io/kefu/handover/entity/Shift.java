package io.kefu.handover.entity;

import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import io.kefu.workspace.entity.Code;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;

/**
 * A shift of the office (班次), e.g. 08:00–16:00, in the tenant's local time. One whose end is not after its start
 * runs past midnight: 20:00–08:00 ends the next morning, 16:00–00:00 at midnight, 00:00–08:00 is an ordinary morning
 * shift. The windows are computed in the tenant's zone, so a day with a clock change has a shorter or longer shift.
 */
@Entity
@Table(name = "shift")
@NamedQuery(name = Shift.ALL, query = "SELECT s FROM Shift s ORDER BY s.starts, s.code")
public class Shift extends TenantOwned {

    public static final String ALL = "Shift.all";
    public static final int NAME_MAXLENGTH = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, length = Code.MAX_LENGTH)
    private String code;

    @Column(name = "name", nullable = false, length = NAME_MAXLENGTH)
    private String name;

    @Column(name = "starts", nullable = false)
    private LocalTime starts;

    @Column(name = "ends", nullable = false)
    private LocalTime ends;

    protected Shift() {
        // for JPA
    }

    /** A shift from its typed fields ({@code HH:mm}); every field at fault is named at once, under {@code prefix}. */
    public static Shift of(String code, String name, String starts, String ends, String prefix) {
        Shift shift = new Shift();
        KefuException.checkAll(() -> shift.code = codeOf(code, prefix + "code"),
                () -> shift.name = Fields.text(name, prefix + "name", NAME_MAXLENGTH),
                () -> shift.starts = time(starts, prefix + "start"),
                () -> shift.ends = time(ends, prefix + "end"));
        return shift;
    }

    private static String codeOf(String code, String field) {
        try {
            return new Code(code).value();
        } catch (KefuException e) {
            throw KefuException.invalid(field, "code.invalid");
        }
    }

    private static LocalTime time(String text, String field) {
        Fields.required(text == null || text.isBlank() ? null : text, field);
        try {
            LocalTime time = LocalTime.parse(text.trim().equals("24:00") ? "00:00" : text.trim());
            if (time.getSecond() != 0 || time.getNano() != 0) {
                throw KefuException.invalid(field, "shift.time.invalid", text);
            }
            return time;
        } catch (DateTimeParseException e) {
            throw KefuException.invalid(field, "shift.time.invalid", text);
        }
    }

    /** Runs past midnight: ends on the day after it starts. */
    public boolean crossesMidnight() {
        return !ends.isAfter(starts);
    }

    /** The occurrence that starts on {@code day} in {@code zone}. */
    public ShiftWindow on(LocalDate day, ZoneId zone) {
        ZonedDateTime start = day.atTime(starts).atZone(zone);
        ZonedDateTime end = (crossesMidnight() ? day.plusDays(1) : day).atTime(ends).atZone(zone);
        return new ShiftWindow(start.toInstant(), end.toInstant());
    }

    /** The latest occurrence that started at or before {@code now}: the one running, or the last one that ended. */
    public ShiftWindow latestStartedBy(Instant now, ZoneId zone) {
        LocalDate day = now.atZone(zone).toLocalDate();
        ShiftWindow today = on(day, zone);
        return today.start().isAfter(now) ? on(day.minusDays(1), zone) : today;
    }

    /** The first occurrence starting at or after {@code moment}. */
    public ShiftWindow firstStartingFrom(Instant moment, ZoneId zone) {
        LocalDate day = moment.atZone(zone).toLocalDate().minusDays(1);
        ShiftWindow window = on(day, zone);
        while (window.start().isBefore(moment)) {
            day = day.plusDays(1);
            window = on(day, zone);
        }
        return window;
    }

    /**
     * The shift that takes over from an occurrence ending at {@code end}: of {@code shifts}, the one whose next
     * occurrence starts first at or after that end (with two shifts starting together, the lower code). Always one
     * when {@code shifts} is not empty: a lone shift takes over from itself the next day.
     */
    public static Shift takingOver(Collection<Shift> shifts, Instant end, ZoneId zone) {
        return shifts.stream().min(Comparator.<Shift, Instant>comparing(s -> s.firstStartingFrom(end, zone).start())
                .thenComparing(Shift::code)).orElseThrow(() -> KefuException.conflict("shift.none"));
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public LocalTime starts() {
        return starts;
    }

    public LocalTime ends() {
        return ends;
    }

    /** {@code 20:00–08:00} as the pages and the API show it. */
    public String hours() {
        return starts + "–" + ends;
    }
}
