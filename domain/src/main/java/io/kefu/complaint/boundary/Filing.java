package io.kefu.complaint.boundary;

import io.kefu.complaint.entity.Actor;
import io.kefu.complaint.entity.Attachment;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.CaseNumber;
import io.kefu.complaint.entity.Channel;
import io.kefu.complaint.entity.Complaint;
import io.kefu.complaint.entity.FileType;
import io.kefu.complaint.entity.FilingReceipt;
import io.kefu.complaint.entity.IdempotencyKey;
import io.kefu.complaint.entity.Intake;
import io.kefu.complaint.entity.ServiceLevel;
import io.kefu.complaint.entity.Severity;
import io.kefu.complaint.entity.TrackingKey;
import io.kefu.complaint.entity.Upload;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.deadline.boundary.Calendars;
import io.kefu.notice.boundary.Notices;
import io.kefu.notice.entity.Notice;
import io.kefu.problem.KefuException;
import io.kefu.resident.boundary.Customers;
import io.kefu.identity.boundary.Member;
import io.kefu.resident.boundary.Residents;
import io.kefu.resident.boundary.Units;
import io.kefu.resident.entity.Unit;
import io.kefu.workspace.boundary.WorkspaceSetup;
import io.kefu.workspace.entity.IntakeField;
import io.kefu.workspace.entity.WorkspaceSettings;
import io.kefu.workspace.boundary.Office;
import io.kefu.workspace.boundary.Workspace;
import io.kefu.workspace.entity.Category;
import io.kefu.workspace.entity.Code;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.config.QueryHints;

/**
 * Registers a case for the current tenant, from the resident's online form or from staff registering a call,
 * letter or visit. One transaction: the number, the case, its first history entry, its files, the resident's
 * confirmation mail and the filing's receipt are stored together or not at all.
 *
 * <p>Idempotent when the client names the attempt ({@link IdempotencyKey}): a retry after a timeout, a crash or a
 * double click gets the case of the first attempt, never a second one. Two attempts with the same key at the same
 * moment (on any node) queue on a transaction-scoped PostgreSQL advisory lock of that key, so the second finds the
 * first one's receipt instead of racing it.
 */
@ApplicationScoped
@Transactional
public class Filing {

    /**
     * Who files: a resident online (signed in or not), or a staff member registering an offline case; staff may
     * name the unit of the resident register the case is about ({@code unitBuilding} and {@code unitNumber}).
     */
    public record Filer(String username, Channel channel, String unitBuilding, String unitNumber) {

        public Filer(String username, Channel channel) {
            this(username, channel, null, null);
        }

        public static Filer resident(String usernameOrNull) {
            return new Filer(usernameOrNull, Channel.ONLINE);
        }

        public static Filer staff(String username, Channel channel) {
            return new Filer(username, channel == null ? Channel.PHONE : channel);
        }

        /** The same filer naming the unit the case is about. */
        public Filer about(String building, String number) {
            return new Filer(username, channel, building, number);
        }

        boolean namesUnit() {
            return (unitBuilding != null && !unitBuilding.isBlank()) || (unitNumber != null && !unitNumber.isBlank());
        }
    }

    @Inject
    EntityManager em;

    @Inject
    CaseNumbering numbering;

    @Inject
    Workspace workspace;

    @Inject
    Office office;

    @Inject
    Calendars calendars;

    @Inject
    ServiceLevels serviceLevels;

    @Inject
    Notices notices;

    @Inject
    WorkspaceSetup setup;

    @Inject
    Units units;

    @Inject
    Customers customers;

    @Inject
    Residents residents;

    @Inject
    Clock clock;

    /**
     * A case filed: the case, the token of its private tracking link (shown once: answer, confirmation page,
     * confirmation mail; the database keeps only its hash, and a receipt sealed under the idempotency key gives it
     * back to a retry), and whether this answer repeats an earlier filing of the same attempt.
     */
    public record Filed(Complaint complaint, String trackingToken, boolean repeated) {
    }

    /**
     * Files a case. {@code staff} says whether the filer acts as staff (any channel, registered by them) or as a
     * resident (online only; anonymous filing only where the tenant allows it). With a {@code key} (or
     * {@code null}), the same attempt sent again answers with the case it filed the first time.
     */
    public Filed file(Intake intake, Filer filer, boolean staff, List<Upload> uploads, IdempotencyKey key) {
        String request = key == null ? null
                : FilingReceipt.requestHash(filer.username(), filer.channel().name(), intake, uploads);
        if (key != null) {
            Optional<FilingReceipt> earlier = receiptOf(key);
            if (earlier.isPresent()) {
                if (!earlier.get().isFor(request)) {
                    throw KefuException.invalid(IdempotencyKey.FIELD, "idempotency.key.reused");
                }
                return new Filed(earlier.get().complaint(), earlier.get().trackingToken(key), true);
            }
        }
        Filed filed = register(intake, filer, staff, uploads);
        if (key != null) {
            em.persist(new FilingReceipt(key, request, filed.complaint(), filed.trackingToken(), clock));
        }
        return filed;
    }

    /** The receipt of an earlier attempt with this key, once any attempt still running with it has ended. */
    private Optional<FilingReceipt> receiptOf(IdempotencyKey key) {
        // The lock is PostgreSQL's (released at commit or rollback), so it holds across nodes; its number is the
        // key's hash, and two keys sharing a number merely wait for each other.
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1)").setParameter(1, key.lockNumber())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true).getSingleResult();
        return em.createNamedQuery(FilingReceipt.BY_KEY, FilingReceipt.class).setParameter("keyHash", key.hash())
                .getResultStream().findFirst();
    }

    private Filed register(Intake intake, Filer filer, boolean staff, List<Upload> uploads) {
        List<FileType> types = new java.util.ArrayList<>();
        Unit[] unit = new Unit[1];
        WorkspaceSettings rules = setup.rules();
        KefuException.checkAll(
                () -> {
                    if (!staff) {
                        requiredFields(intake, rules);
                    }
                },
                () -> {
                    if (!staff) {
                        rules.checkAttachments(uploads.size(),
                                uploads.stream().mapToLong(u -> u.content().length).max().orElse(0));
                    }
                },
                () -> category(intake.categoryCode()),
                () -> {
                    if (!staff && filer.username() == null && !office.anonymousAllowed()) {
                        throw KefuException.invalid("anonymous", "intake.anonymous.off");
                    }
                },
                () -> {
                    if (!staff && filer.channel() != Channel.ONLINE) {
                        throw KefuException.invalid("channel", "intake.channel.staff.only");
                    }
                },
                () -> types.addAll(Upload.check(uploads)),
                () -> {
                    if (filer.namesUnit()) {
                        if (!staff) {
                            throw KefuException.invalid("unit", "unit.staff.only");
                        }
                        unit[0] = units.get(filer.unitBuilding(), filer.unitNumber(), "unit.");
                    }
                },
                () -> Complaint.check(intake));
        Instant now = clock.instant();
        WorkingCalendar calendar = calendars.calendar();
        CaseKind kind = intake.kind() == null ? CaseKind.COMPLAINT : intake.kind();
        // The customer's record and grade in one read: a graded customer gets the tenant's shorter deadlines.
        Residents.Known known = residents.known(intake.contactPhone());
        ServiceLevel.Deadlines deadlines = serviceLevels.levelFor(calendar, kind, Severity.ORDINARY, known.grade())
                .deadlines(now, calendar, List.of());
        Optional<Member> handler = known.customer().flatMap(customers::handlerOf);
        // Everything is read; the number comes last. Its increment locks the tenant's month until the commit, so
        // from here on only writes follow (all sent at the commit), and the other filings of the tenant wait for
        // as short as can be.
        CaseNumber number = numbering.next(now);
        Complaint complaint = Complaint.register(number, intake, filer.channel(),
                staff ? filer.username() : null, staff ? null : filer.username(), deadlines, clock);
        known.customer().ifPresent(customer -> complaint.belongTo(customer.id()));
        em.persist(complaint);
        if (unit[0] != null) {
            complaint.linkUnit(Actor.staff(filer.username()), unit[0].id(), unit[0].label(), clock);
        }
        // A key customer's (重点客户) case goes to their named handler at once, who is told in the same breath.
        handler.ifPresent(named -> {
            complaint.giveToKeyCustomerHandler(named.username(), clock);
            notices.tell(List.of(named), Notice.Kind.KEY_CUSTOMER, complaint);
        });
        TrackingKey.Issued tracking = TrackingKey.issue(complaint, clock);
        em.persist(tracking.key());
        for (int i = 0; i < uploads.size(); i++) {
            em.persist(new Attachment(complaint, i + 1, uploads.get(i), types.get(i),
                    staff ? filer.username() : "resident", clock));
        }
        notices.confirmFiling(complaint, tracking.token());
        return new Filed(complaint, tracking.token(), false);
    }

    /** The contact fields the tenant requires, each missing one reported; an anonymous filer gives no name. */
    private static void requiredFields(Intake intake, WorkspaceSettings rules) {
        List<Runnable> checks = new java.util.ArrayList<>();
        for (IntakeField field : rules.requiredFields()) {
            String value = switch (field) {
                case NAME -> intake.anonymous() ? "anonymous" : intake.contactName();
                case EMAIL -> intake.contactEmail();
                case LOCATION -> intake.location();
            };
            checks.add(() -> {
                if (value == null || value.isBlank()) {
                    throw KefuException.invalid(field.field(), "field.required");
                }
            });
        }
        KefuException.checkAll(checks.toArray(Runnable[]::new));
    }

    /** A category the tenant offers for filing: existing and active; none is fine (staff classify later). */
    private Optional<Category> category(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Optional<Category> category;
        try {
            category = workspace.cachedCategory(new Code(code.strip()));
        } catch (KefuException malformed) {
            category = Optional.empty();
        }
        if (category.isEmpty() || !category.get().isActive()) {
            throw KefuException.invalid("categoryCode", "category.not.found", code);
        }
        return category;
    }
}
