package io.kefu.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One case as a report test writes it straight into the database (as the superuser), with the columns the workflow
 * would have left: a small builder, so each test names only what its data set is about and counts its expected
 * figures from its own rows. What a test does not name is what every report test's cases share: registered and
 * owned by {@code huijing.staff}, ordinary, by phone, not anonymous, never paused, and at the highest escalation
 * level (the overdue watch has nothing left to do to a seeded case, so its row stays as the test wrote it).
 */
final class CaseSeed {

    /** What {@link #resolved(Instant)} writes as the resolution. */
    static final String RESOLUTION = "已处理";

    private final String number;
    private final String kind;
    private final Instant registered;
    private String description = "报表测试";
    private String category;
    private String severity = "ORDINARY";
    private String channel = "PHONE";
    private String status = "REGISTERED";
    private String owner = "huijing.staff";
    private String department;
    private String responsible;
    private Long unit;
    private String phone;
    private Instant firstDue;
    private Instant firstResponded;
    private Instant resolutionDue;
    private Instant resolved;
    private Instant closed;
    private String callbackOutcome;

    private CaseSeed(String number, String kind, Instant registered) {
        this.number = Objects.requireNonNull(number);
        this.kind = Objects.requireNonNull(kind);
        this.registered = Objects.requireNonNull(registered);
    }

    /** A case numbered {@code number} of {@code kind} (COMPLAINT, REPAIR…) registered at {@code registered}. */
    static CaseSeed of(String number, String kind, Instant registered) {
        return new CaseSeed(number, kind, registered);
    }

    CaseSeed description(String text) {
        description = text;
        return this;
    }

    CaseSeed category(String code) {
        category = code;
        return this;
    }

    CaseSeed severity(String value) {
        severity = value;
        return this;
    }

    CaseSeed channel(String value) {
        channel = value;
        return this;
    }

    CaseSeed status(String value) {
        status = value;
        return this;
    }

    CaseSeed owner(String username) {
        owner = username;
        return this;
    }

    /** The handling department and the responsible one ({@code null}: the handling one, as proposed). */
    CaseSeed departments(String handling, String responsibleDepartment) {
        department = handling;
        responsible = responsibleDepartment;
        return this;
    }

    /** The unit of the register ({@link #unit(Connection, long, String, String)}'s id) or {@code null}. */
    CaseSeed unit(Long id) {
        unit = id;
        return this;
    }

    CaseSeed phone(String contactPhone) {
        phone = contactPhone;
        return this;
    }

    /** The first response's and the resolution's deadlines. */
    CaseSeed due(Instant firstResponse, Instant resolution) {
        firstDue = firstResponse;
        resolutionDue = resolution;
        return this;
    }

    CaseSeed firstResponded(Instant at) {
        firstResponded = at;
        return this;
    }

    /** Resolved at {@code at} with {@link #RESOLUTION}; {@code null}: not resolved. */
    CaseSeed resolved(Instant at) {
        resolved = at;
        return this;
    }

    CaseSeed closed(Instant at) {
        closed = at;
        return this;
    }

    CaseSeed callbackOutcome(String outcome) {
        callbackOutcome = outcome;
        return this;
    }

    /** Writes the case into {@code tenant}; its id. */
    long insert(Connection db, long tenant) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement("INSERT INTO complaint (tenant_id, case_number, kind, "
                + "category_code, severity, channel, status, description, anonymous, registered_at, registered_by, "
                + "owner_username, department_code, responsible_department_code, unit_id, contact_phone, "
                + "first_response_due, resolution_due, first_responded_at, resolved_at, resolution, closed_at, "
                + "callback_outcome, paused_minutes, escalation_level, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + "FALSE, ?, 'huijing.staff', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 2, 1) RETURNING id")) {
            sql.setLong(1, tenant);
            sql.setString(2, number);
            sql.setString(3, kind);
            sql.setString(4, category);
            sql.setString(5, severity);
            sql.setString(6, channel);
            sql.setString(7, status);
            sql.setString(8, description);
            sql.setObject(9, utc(registered));
            sql.setString(10, owner);
            sql.setString(11, department);
            sql.setString(12, responsible);
            sql.setObject(13, unit);
            sql.setString(14, phone);
            sql.setObject(15, utc(firstDue));
            sql.setObject(16, utc(resolutionDue));
            sql.setObject(17, utc(firstResponded));
            sql.setObject(18, utc(resolved));
            sql.setString(19, resolved == null ? null : RESOLUTION);
            sql.setObject(20, utc(closed));
            sql.setString(21, callbackOutcome);
            return id(sql);
        }
    }

    /** The id of the tenant whose slug is {@code slug}. */
    static long tenant(Connection db, String slug) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement("SELECT id FROM tenant WHERE slug = ?")) {
            sql.setString(1, slug);
            return id(sql);
        }
    }

    /** Writes a unit of the resident register; its id. */
    static long unit(Connection db, long tenant, String building, String number) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement("INSERT INTO unit (tenant_id, building, unit_no, version) "
                + "VALUES (?, ?, ?, 1) RETURNING id")) {
            sql.setLong(1, tenant);
            sql.setString(2, building);
            sql.setString(3, number);
            return id(sql);
        }
    }

    /**
     * Writes a case's callback task opened at {@code created} (due a day later), and for a {@code DONE} one its
     * single attempt an hour later, reached unless the outcome is UNREACHABLE or CONFIRMED_ONLINE; an {@code OPEN}
     * one keeps its case open for callback. Its id.
     */
    static long callback(Connection db, long tenant, long complaint, String status, String outcome, Integer score,
            Instant created, String publicKey) throws SQLException {
        boolean done = status.equals("DONE");
        boolean open = status.equals("OPEN");
        long task;
        try (PreparedStatement sql = db.prepareStatement("INSERT INTO callback_task (tenant_id, task_kind, "
                + "complaint_id, contact_phone, task_status, outcome, attempts, created_at, due_at, finished_at, "
                + "escalation_level, open_complaint_id, public_key, version) VALUES (?, 'CASE', ?, '13900139000', ?, "
                + "?, ?, ?, ?, ?, 2, ?, ?, 1) RETURNING id")) {
            sql.setLong(1, tenant);
            sql.setLong(2, complaint);
            sql.setString(3, status);
            sql.setString(4, outcome);
            sql.setInt(5, done ? 1 : 0);
            sql.setObject(6, utc(created));
            sql.setObject(7, utc(created.plusSeconds(86_400)));
            sql.setObject(8, open ? null : utc(created.plusSeconds(3_600)));
            sql.setObject(9, open ? complaint : null);
            sql.setString(10, publicKey);
            task = id(sql);
        }
        if (done) {
            try (PreparedStatement sql = db.prepareStatement("INSERT INTO callback_attempt (tenant_id, task_id, seq, "
                    + "attempted_at, attempted_by, method, reached, satisfaction, score) VALUES (?, ?, 1, ?, "
                    + "'huijing.staff', 'PHONE', ?, ?, ?)")) {
                boolean reached = !outcome.equals("UNREACHABLE") && !outcome.equals("CONFIRMED_ONLINE");
                sql.setLong(1, tenant);
                sql.setLong(2, task);
                sql.setObject(3, utc(created.plusSeconds(3_600)));
                sql.setBoolean(4, reached);
                sql.setString(5, reached ? outcome : null);
                sql.setObject(6, score);
                sql.executeUpdate();
            }
        }
        return task;
    }

    private static long id(PreparedStatement sql) throws SQLException {
        try (ResultSet row = sql.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("no row");
            }
            return row.getLong(1);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
