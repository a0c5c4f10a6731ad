package io.kefu.callback.entity;

import static io.kefu.problem.Fields.optional;
import static io.kefu.problem.Fields.text;

import io.kefu.complaint.entity.Complaint;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A courtesy visit plan (回访计划), not tied to a case: the regulations have the manager visit key customers once
 * or twice a year and staff call on their area every quarter. Every {@code everyMonths} months, from
 * {@code nextDue} on, each target (one line: name, phone, unit) gets a callback task in the queue, assigned to
 * the plan's staff member if it names one. Deactivated plans make no more rounds.
 */
@Entity
@Table(name = "courtesy_plan")
@NamedQuery(name = CourtesyPlan.ALL, query = "SELECT p FROM CourtesyPlan p ORDER BY p.name")
@NamedQuery(name = CourtesyPlan.BY_ID, query = "SELECT p FROM CourtesyPlan p WHERE p.id = :id")
@NamedQuery(name = CourtesyPlan.DUE, query = "SELECT p FROM CourtesyPlan p WHERE p.active = TRUE "
        + "AND p.nextDue <= :today ORDER BY p.id")
public class CourtesyPlan extends TenantOwned {

    public static final String ALL = "CourtesyPlan.all";
    public static final String BY_ID = "CourtesyPlan.byId";
    public static final String DUE = "CourtesyPlan.due";
    public static final int NAME_MAXLENGTH = 100;
    public static final int TARGETS_MAXLENGTH = 20_000;
    public static final int MAX_TARGETS = 500;
    private static final Pattern PHONE = Pattern.compile("^(1[3-9]\\d{9}|\\+[1-9]\\d{6,14}|0\\d{9,11})$");

    /** Who is visited: a name, a phone number (mobile, international or landline with area code), a unit. */
    public record Target(String name, String phone, String unit) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = NAME_MAXLENGTH)
    private String name;

    @Column(name = "every_months", nullable = false)
    private int everyMonths;

    @Column(name = "next_due", nullable = false)
    private LocalDate nextDue;

    @Column(name = "assignee", length = 64)
    private String assignee;

    /** One target a line: "name, phone, unit" (full-width commas too). */
    @Column(name = "targets", nullable = false, length = TARGETS_MAXLENGTH)
    private String targets;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CourtesyPlan() {
        // for JPA
    }

    public CourtesyPlan(String name, Integer everyMonths, LocalDate firstDue, String assignee, String targets) {
        change(name, everyMonths, firstDue, assignee, targets, true);
    }

    /** New settings, checked as a whole; a bad target line is reported with its line number. */
    public void change(String newName, Integer months, LocalDate due, String staff, String lines, boolean isActive) {
        String[] texts = new String[3];
        KefuException.checkAll(
                () -> texts[0] = text(newName, "name", NAME_MAXLENGTH),
                () -> {
                    if (months == null || months < 1 || months > 24) {
                        throw KefuException.invalid("everyMonths", "field.range", 1, 24);
                    }
                },
                () -> {
                    if (due == null) {
                        throw KefuException.invalid("nextDue", "field.required");
                    }
                },
                () -> texts[1] = optional(staff, "assignee", 64),
                () -> texts[2] = normalized(lines));
        name = texts[0];
        everyMonths = months;
        nextDue = due;
        assignee = texts[1] == null ? null : texts[1].toLowerCase();
        targets = texts[2];
        active = isActive;
    }

    /** The targets, one per line; every line was checked when the plan was saved. */
    public List<Target> targets() {
        return parse(targets);
    }

    /** Whether a round is due on {@code today} (in the tenant's zone). */
    public boolean isDue(LocalDate today) {
        return active && !nextDue.isAfter(today);
    }

    /** The round of {@code nextDue} was generated: the next one is {@code everyMonths} later. */
    public LocalDate advance() {
        LocalDate round = nextDue;
        nextDue = nextDue.plusMonths(everyMonths);
        return round;
    }

    private static String normalized(String lines) {
        String value = text(lines, "targets", TARGETS_MAXLENGTH);
        List<Target> parsed = parse(value);
        if (parsed.isEmpty()) {
            throw KefuException.invalid("targets", "field.required");
        }
        if (parsed.size() > MAX_TARGETS) {
            throw KefuException.invalid("targets", "callback.plan.too.many", MAX_TARGETS);
        }
        StringBuilder out = new StringBuilder();
        for (Target t : parsed) {
            out.append(t.name()).append(", ").append(t.phone()).append(t.unit() == null ? "" : ", " + t.unit())
                    .append('\n');
        }
        return out.toString().strip();
    }

    static List<Target> parse(String lines) {
        List<Target> parsed = new ArrayList<>();
        String[] rows = lines.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] parts = row.replace('，', ',').split("\\s*,\\s*", 3);
            String phone = parts.length > 1 ? parts[1].replaceAll("[\\s-]", "") : "";
            if (parts.length < 2 || parts[0].isBlank() || parts[0].length() > Complaint.NAME_MAXLENGTH
                    || !PHONE.matcher(phone).matches()
                    || (parts.length == 3 && parts[2].length() > Complaint.SHORT_MAXLENGTH)) {
                throw KefuException.invalid("targets", "callback.plan.target.invalid", i + 1, row);
            }
            parsed.add(new Target(parts[0].strip(), phone, parts.length == 3 && !parts[2].isBlank()
                    ? parts[2].strip() : null));
        }
        return parsed;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int everyMonths() {
        return everyMonths;
    }

    public LocalDate nextDue() {
        return nextDue;
    }

    public String assignee() {
        return assignee;
    }

    public String targetLines() {
        return targets;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
