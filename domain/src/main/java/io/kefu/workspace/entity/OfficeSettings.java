package io.kefu.workspace.entity;

import io.kefu.deadline.WorkingCalendar;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a tenant's office works, as one row: whether residents may file without giving their name, who the
 * manager is (major and long-overdue cases are reported to them), and the office hours — working periods of
 * a day and the weekly rest days — that deadlines count in. Holidays and make-up days are {@code CalendarDay}s.
 * A tenant that never changed anything works with {@link #defaults()}.
 */
@Entity
@jakarta.persistence.EntityListeners(io.kefu.cache.SnapshotChanges.class)
@Table(name = "office_settings")
@NamedQuery(name = OfficeSettings.OF_TENANT, query = "SELECT s FROM OfficeSettings s")
public class OfficeSettings extends TenantOwned {

    public static final String OF_TENANT = "OfficeSettings.ofTenant";
    public static final int DEFAULT_PROMISE_REMINDER_MINUTES = 30;
    /** A day ahead is the longest reminder that still reminds of something. */
    public static final int MAX_PROMISE_REMINDER_MINUTES = 24 * 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "anonymous_allowed", nullable = false)
    private boolean anonymousAllowed;

    @Column(name = "manager_username", length = 64)
    private String managerUsername;

    /** The general manager (总经理) who approves the quarterly complaint analysis; none named: the manager does. */
    @Column(name = "general_manager_username", length = 64)
    private String generalManagerUsername;

    /** "09:00-12:00,13:30-18:00" */
    @Column(name = "working_periods", nullable = false, length = 200)
    private String workingPeriods;

    /** "SATURDAY,SUNDAY" */
    @Column(name = "rest_days", nullable = false, length = 100)
    private String restDays;

    /** How long before a promised reply time (告知答复时间) its owner is reminded. */
    @Column(name = "promise_reminder_minutes", nullable = false)
    private int promiseReminderMinutes = DEFAULT_PROMISE_REMINDER_MINUTES;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OfficeSettings() {
        // for JPA
    }

    /** Anonymous filing on, no manager named yet, Monday to Friday 09:00–12:00 and 13:30–18:00. */
    public static OfficeSettings defaults() {
        OfficeSettings settings = new OfficeSettings();
        settings.anonymousAllowed = true;
        settings.workingPeriods = "09:00-12:00,13:30-18:00";
        settings.restDays = "SATURDAY,SUNDAY";
        return settings;
    }

    public void allowAnonymous(boolean allowed) {
        this.anonymousAllowed = allowed;
    }

    public void appointManager(String username) {
        this.managerUsername = username == null || username.isBlank() ? null : username.strip();
    }

    public void appointGeneralManager(String username) {
        this.generalManagerUsername = username == null || username.isBlank() ? null : username.strip();
    }

    /**
     * New office hours, checked as a whole: periods like "09:00-12:00, 13:30-18:00" that do not overlap, and
     * rest days by name; at least one working day a week.
     */
    public void changeHours(String periods, Set<DayOfWeek> rest) {
        List<WorkingCalendar.Period> parsed = parsePeriods(periods);
        if (rest.size() >= 7) {
            throw KefuException.invalid("restDays", "calendar.rest.all");
        }
        try {
            new WorkingCalendar(ZoneId.of("UTC"), parsed, rest, Set.of(), Set.of());
        } catch (IllegalArgumentException e) {
            throw KefuException.invalid("workingPeriods", "calendar.periods.overlap");
        }
        this.workingPeriods = parsed.stream().map(p -> p.from() + "-" + p.to()).collect(Collectors.joining(","));
        this.restDays = rest.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    /** The working calendar these hours make, with the tenant's holidays and make-up days. */
    public WorkingCalendar calendar(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> makeUpDays) {
        return new WorkingCalendar(zone, parsePeriods(workingPeriods), restDays(), holidays, makeUpDays);
    }

    /** A reminder 1 minute to a day before the promised time; 422 on {@code minutes} otherwise. */
    public void changePromiseReminder(Integer minutes) {
        if (minutes == null || minutes < 1 || minutes > MAX_PROMISE_REMINDER_MINUTES) {
            throw KefuException.invalid("minutes", "promise.reminder.range", MAX_PROMISE_REMINDER_MINUTES);
        }
        this.promiseReminderMinutes = minutes;
    }

    public int promiseReminderMinutes() {
        return promiseReminderMinutes;
    }

    public java.time.Duration promiseReminder() {
        return java.time.Duration.ofMinutes(promiseReminderMinutes);
    }

    public boolean anonymousAllowed() {
        return anonymousAllowed;
    }

    public String managerUsername() {
        return managerUsername;
    }

    public String generalManagerUsername() {
        return generalManagerUsername;
    }

    public String workingPeriods() {
        return workingPeriods.replace(",", ", ");
    }

    public Set<DayOfWeek> restDays() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(restDays.split(",")).filter(d -> !d.isBlank()).map(DayOfWeek::valueOf).forEach(days::add);
        return days;
    }

    public long version() {
        return version;
    }

    private static List<WorkingCalendar.Period> parsePeriods(String text) {
        List<WorkingCalendar.Period> periods = new ArrayList<>();
        String value = text == null ? "" : text.replace('，', ',').replace('－', '-').replace('–', '-');
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] ends = part.strip().split("\\s*-\\s*");
            try {
                if (ends.length != 2) {
                    throw new DateTimeParseException("period", part, 0);
                }
                periods.add(new WorkingCalendar.Period(LocalTime.parse(pad(ends[0])), LocalTime.parse(pad(ends[1]))));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw KefuException.invalid("workingPeriods", "calendar.periods.invalid", part.strip());
            }
        }
        if (periods.isEmpty() || periods.size() > 6) {
            throw KefuException.invalid("workingPeriods", "calendar.periods.invalid", value);
        }
        return periods;
    }

    private static String pad(String time) {
        String t = time.strip();
        return t.length() == 4 ? "0" + t : t;
    }
}
