package io.kefu.admin.callback;

import io.kefu.callback.boundary.CallbackSettings;
import io.kefu.callback.entity.CallbackPolicy;
import io.kefu.callback.entity.CourtesyPlan;
import io.kefu.faces.FacesFailures;
import io.kefu.identity.boundary.Member;
import io.kefu.identity.entity.Role;
import io.kefu.report.boundary.CustomerBases;
import io.kefu.report.entity.CustomerBase;
import io.kefu.workspace.boundary.Office;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Callback rules, the customer base the valid-complaint rate is measured against, and courtesy visit plans
 * (/t/{tenant}/admin/callbacks). The policy is saved as a whole at the version it was read; a customer base entry
 * and a plan are added or edited in the form under their list. View-scoped and bound to the tenant
 * it was opened for.
 */
@Named
@ViewScoped
public class CallbackSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CallbackSettings settings;

    @Inject
    Office office;

    @Inject
    CustomerBases customerBases;


    private Integer dueHours;
    private Integer maxAttempts;
    private Integer retryMinutes;
    private Role[] callerRoles;
    private boolean onlineConfirmationCounts;
    private boolean resolverMayCallBack;
    private boolean reopenPendingSupervisorOnly;
    private Integer validTargetPermille;
    private long version;
    private Long planId;
    private long planVersion;
    private String planName;
    private Integer everyMonths = 3;
    private LocalDate nextDue;
    private String planAssignee;
    private String targets;
    private boolean planActive = true;
    private transient List<CourtesyPlan> plans;
    private String baseMonth;
    private Integer baseCustomers;
    private transient List<CustomerBase> bases;
    private transient Long registerUnits;

    @PostConstruct
    void load() {
        CallbackPolicy p = settings.policy();
        dueHours = p.dueHours();
        maxAttempts = p.maxAttempts();
        retryMinutes = p.retryMinutes();
        callerRoles = p.callerRoles().toArray(Role[]::new);
        onlineConfirmationCounts = p.onlineConfirmationCounts();
        resolverMayCallBack = p.resolverMayCallBack();
        reopenPendingSupervisorOnly = p.reopenPendingSupervisorOnly();
        validTargetPermille = p.validTargetPermille();
        version = p.version();
    }

    public void savePolicy() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(List.of(callerRoles == null ? new Role[0] : callerRoles));
        version = settings.updatePolicy(dueHours, maxAttempts, retryMinutes, roles, onlineConfirmationCounts,
                validTargetPermille, resolverMayCallBack, reopenPendingSupervisorOnly, version).version();
        FacesFailures.info("admin.saved");
    }

    public boolean isResolverMayCallBack() {
        return resolverMayCallBack;
    }

    public void setResolverMayCallBack(boolean resolverMayCallBack) {
        this.resolverMayCallBack = resolverMayCallBack;
    }

    public boolean isReopenPendingSupervisorOnly() {
        return reopenPendingSupervisorOnly;
    }

    public void setReopenPendingSupervisorOnly(boolean reopenPendingSupervisorOnly) {
        this.reopenPendingSupervisorOnly = reopenPendingSupervisorOnly;
    }

    public void editPlan(CourtesyPlan plan) {
        planId = plan.id();
        planVersion = plan.version();
        planName = plan.name();
        everyMonths = plan.everyMonths();
        nextDue = plan.nextDue();
        planAssignee = plan.assignee();
        targets = plan.targetLines();
        planActive = plan.active();
    }

    public void newPlan() {
        planId = null;
        planName = null;
        everyMonths = 3;
        nextDue = null;
        planAssignee = null;
        targets = null;
        planActive = true;
    }

    public void savePlan() {
        if (planId == null) {
            settings.addPlan(planName, everyMonths, nextDue, planAssignee, targets);
        } else {
            settings.changePlan(planId, planVersion, planName, everyMonths, nextDue, planAssignee, targets,
                    planActive);
        }
        plans = null;
        newPlan();
        FacesFailures.info("admin.saved");
    }

    /** Enters the customer base from a month on; both fields checked first, nothing saved when one is wrong. */
    public void saveBase() {
        customerBases.set(baseMonth, baseCustomers);
        bases = null;
        baseMonth = null;
        baseCustomers = null;
        FacesFailures.info("admin.saved");
    }

    public void removeBase(CustomerBase entry) {
        customerBases.remove(entry.from().toString());
        bases = null;
        FacesFailures.info("admin.saved");
    }

    public List<CustomerBase> getBases() {
        if (bases == null) {
            bases = customerBases.entries();
        }
        return bases;
    }

    public long getRegisterUnits() {
        if (registerUnits == null) {
            registerUnits = customerBases.units();
        }
        return registerUnits;
    }

    public String getBaseMonth() {
        return baseMonth;
    }

    public void setBaseMonth(String baseMonth) {
        this.baseMonth = baseMonth;
    }

    public Integer getBaseCustomers() {
        return baseCustomers;
    }

    public void setBaseCustomers(Integer baseCustomers) {
        this.baseCustomers = baseCustomers;
    }

    public List<CourtesyPlan> getPlans() {
        if (plans == null) {
            plans = settings.plans();
        }
        return plans;
    }

    public List<Member> getStaff() {
        return office.assignable();
    }

    public Set<Role> getRoles() {
        return CallbackPolicy.CALLER_ROLES;
    }

    public Integer getDueHours() {
        return dueHours;
    }

    public void setDueHours(Integer dueHours) {
        this.dueHours = dueHours;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Integer getRetryMinutes() {
        return retryMinutes;
    }

    public void setRetryMinutes(Integer retryMinutes) {
        this.retryMinutes = retryMinutes;
    }

    public Role[] getCallerRoles() {
        return callerRoles;
    }

    public void setCallerRoles(Role[] callerRoles) {
        this.callerRoles = callerRoles;
    }

    public boolean isOnlineConfirmationCounts() {
        return onlineConfirmationCounts;
    }

    public void setOnlineConfirmationCounts(boolean onlineConfirmationCounts) {
        this.onlineConfirmationCounts = onlineConfirmationCounts;
    }

    public Integer getValidTargetPermille() {
        return validTargetPermille;
    }

    public void setValidTargetPermille(Integer validTargetPermille) {
        this.validTargetPermille = validTargetPermille;
    }

    public Long getPlanId() {
        return planId;
    }

    public String getPlanName() {
        return planName;
    }

    public void setPlanName(String planName) {
        this.planName = planName;
    }

    public Integer getEveryMonths() {
        return everyMonths;
    }

    public void setEveryMonths(Integer everyMonths) {
        this.everyMonths = everyMonths;
    }

    public LocalDate getNextDue() {
        return nextDue;
    }

    public void setNextDue(LocalDate nextDue) {
        this.nextDue = nextDue;
    }

    public String getPlanAssignee() {
        return planAssignee;
    }

    public void setPlanAssignee(String planAssignee) {
        this.planAssignee = planAssignee;
    }

    public String getTargets() {
        return targets;
    }

    public void setTargets(String targets) {
        this.targets = targets;
    }

    public boolean isPlanActive() {
        return planActive;
    }

    public void setPlanActive(boolean planActive) {
        this.planActive = planActive;
    }
}
