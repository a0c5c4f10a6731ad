package io.kefu.callback.entity;

import static io.kefu.problem.Fields.range;

import io.kefu.complaint.entity.Actor;
import io.kefu.identity.entity.Role;
import io.kefu.problem.Failure;
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
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's rules for callbacks: due within so many working hours of the resolution, how many unanswered
 * attempts make a resident unreachable, who may call back, whether the resident's own online confirmation
 * counts as the callback, and the valid-complaint rate the office aims to stay under (有效投诉率 ≤ 1%).
 * A tenant that never changed anything works with {@link #defaults()}.
 */
@Entity
@Table(name = "callback_policy")
@NamedQuery(name = CallbackPolicy.OF_TENANT, query = "SELECT p FROM CallbackPolicy p")
public class CallbackPolicy extends TenantOwned {

    public static final String OF_TENANT = "CallbackPolicy.ofTenant";
    public static final int MAX_DUE_HOURS = 720;
    public static final int MAX_ATTEMPTS = 10;
    /** Roles that may be allowed to call back; residents and admins never call themselves back. */
    public static final Set<Role> CALLER_ROLES = EnumSet.of(Role.STAFF, Role.SUPERVISOR);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "due_hours", nullable = false)
    private int dueHours;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    /** How long after an unanswered attempt the next one may be recorded: retries are real, not three in a row. */
    @Column(name = "retry_minutes", nullable = false)
    private int retryMinutes;

    /** "STAFF,SUPERVISOR" */
    @Column(name = "caller_roles", nullable = false, length = 100)
    private String callerRoles;

    @Column(name = "online_confirmation_counts", nullable = false)
    private boolean onlineConfirmationCounts;

    /** Whether the person who resolved a case may make its callback themselves. */
    @Column(name = "resolver_may_call_back", nullable = false)
    private boolean resolverMayCallBack;

    /** Whether only supervisors may reopen a case that waits for its callback. */
    @Column(name = "reopen_pending_supervisor_only", nullable = false)
    private boolean reopenPendingSupervisorOnly;

    /** The valid-complaint rate aimed at, in ‰ of the cases registered (10 = 1%). */
    @Column(name = "valid_target_permille", nullable = false)
    private int validTargetPermille;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CallbackPolicy() {
        // for JPA
    }

    /**
     * Within 48 working hours, three attempts at least an hour apart, staff and supervisors, online confirmation
     * counts, 1%.
     */
    public static CallbackPolicy defaults() {
        CallbackPolicy policy = new CallbackPolicy();
        policy.dueHours = 48;
        policy.maxAttempts = 3;
        policy.retryMinutes = 60;
        policy.callerRoles = "STAFF,SUPERVISOR";
        policy.onlineConfirmationCounts = true;
        policy.validTargetPermille = 10;
        policy.resolverMayCallBack = true;
        policy.reopenPendingSupervisorOnly = false;
        return policy;
    }

    /** New rules, checked as a whole: every field at fault is reported at once and nothing changes. */
    public void change(Integer hours, Integer attempts, Integer retry, Set<Role> roles, Boolean online,
            Integer targetPermille) {
        int[] checked = new int[4];
        KefuException.checkAll(
                () -> checked[0] = range(hours, "dueHours", 1, MAX_DUE_HOURS),
                () -> checked[1] = range(attempts, "maxAttempts", 1, MAX_ATTEMPTS),
                () -> checked[3] = range(retry, "retryMinutes", 0, 24 * 60),
                () -> checked[2] = range(targetPermille, "validTargetPermille", 0, 1000),
                () -> {
                    if (roles == null || roles.isEmpty() || !CALLER_ROLES.containsAll(roles)) {
                        throw KefuException.invalid("callerRoles", "callback.roles.invalid");
                    }
                });
        dueHours = checked[0];
        maxAttempts = checked[1];
        retryMinutes = checked[3];
        validTargetPermille = checked[2];
        callerRoles = roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
        onlineConfirmationCounts = Boolean.TRUE.equals(online);
    }

    /** The two independence rules; a rule left out ({@code null}) stays as it is. */
    public void decide(Boolean resolverMayCallBack, Boolean reopenPendingSupervisorOnly) {
        if (resolverMayCallBack != null) {
            this.resolverMayCallBack = resolverMayCallBack;
        }
        if (reopenPendingSupervisorOnly != null) {
            this.reopenPendingSupervisorOnly = reopenPendingSupervisorOnly;
        }
    }

    /**
     * Refuses {@code actor} the callback of a case they resolved ({@code resolvedBy}), when the policy says so. Who
     * resolved is unknown for courtesy visits and for callbacks older than the rule: those are anybody's.
     */
    public void checkCaller(Actor actor, String resolvedBy) {
        if (!mayCall(actor)) {
            throw new KefuException(Failure.FORBIDDEN, "callback.role.not.allowed");
        }
        checkNotResolver(actor.username(), resolvedBy);
    }

    /** Refuses {@code username} as the one to call back a case they resolved, when the policy says so. */
    public void checkNotResolver(String username, String resolvedBy) {
        if (!resolverMayCallBack && resolvedBy != null && resolvedBy.equals(username)) {
            throw new KefuException(Failure.FORBIDDEN, "callback.resolver.not.allowed");
        }
    }

    /** Refuses a staff member's reopening of a case that waits for its callback, when supervisors decide it. */
    public void checkReopenBeforeCallback(Actor actor) {
        if (reopenPendingSupervisorOnly && !actor.supervisor()) {
            throw new KefuException(Failure.FORBIDDEN, "callback.reopen.supervisor.only");
        }
    }

    /** Whether {@code actor} may record callbacks: supervisors as SUPERVISOR, everybody else as STAFF. */
    public boolean mayCall(Actor actor) {
        return callerRoles().contains(actor.supervisor() ? Role.SUPERVISOR : Role.STAFF);
    }

    public int dueHours() {
        return dueHours;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public int retryMinutes() {
        return retryMinutes;
    }

    public Set<Role> callerRoles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(callerRoles.split(",")).filter(r -> !r.isBlank()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    public boolean onlineConfirmationCounts() {
        return onlineConfirmationCounts;
    }

    public boolean resolverMayCallBack() {
        return resolverMayCallBack;
    }

    public boolean reopenPendingSupervisorOnly() {
        return reopenPendingSupervisorOnly;
    }

    public int validTargetPermille() {
        return validTargetPermille;
    }

    public long version() {
        return version;
    }
}
