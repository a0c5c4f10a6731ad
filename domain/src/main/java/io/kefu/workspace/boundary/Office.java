package io.kefu.workspace.boundary;

import io.kefu.identity.boundary.Accounts;
import io.kefu.identity.entity.Role;
import io.kefu.cache.Snapshots;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.entity.Code;
import io.kefu.workspace.entity.DepartmentHandler;
import io.kefu.workspace.entity.OfficeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import io.kefu.audit.boundary.AuditLog;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The current tenant's office: its settings (anonymous filing, the manager, office hours) and who handles
 * cases for which department. Settings start as {@link OfficeSettings#defaults()} and are stored the first
 * time an admin saves them.
 */
@ApplicationScoped
@Transactional
public class Office {

    private static final Set<Role> WORKERS = EnumSet.of(Role.STAFF, Role.SUPERVISOR);

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    CurrentTenant tenant;

    @Inject
    Accounts accounts;

    @Inject
    Workspace workspace;

    public OfficeSettings settings() {
        return stored().orElseGet(OfficeSettings::defaults);
    }

    @Inject
    Snapshots snapshots;

    /** Whether residents may file without signing in, as this node holds it ({@link Snapshots}). */
    public boolean anonymousAllowed() {
        return snapshots.get(Snapshots.tenant(tenant.get().id()), "anonymous", () -> settings().anonymousAllowed());
    }

    /** Saves the settings as a whole; {@code expectedVersion} as read (ignored the first time they are saved). */
    public OfficeSettings update(boolean anonymousAllowed, String manager, String generalManager, String workingPeriods,
            Set<DayOfWeek> restDays, long expectedVersion) {
        Optional<OfficeSettings> stored = stored();
        if (stored.isPresent() && stored.get().version() != expectedVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        OfficeSettings settings = stored.orElseGet(OfficeSettings::defaults);
        String before = describe(settings);
        String managerName = manager == null || manager.isBlank() ? null : manager.strip().toLowerCase();
        String generalName = generalManager == null || generalManager.isBlank() ? null
                : generalManager.strip().toLowerCase();
        KefuException.checkAll(
                () -> settings.changeHours(workingPeriods, restDays == null ? Set.of() : restDays),
                () -> {
                    if (managerName != null && !accounts.rolesIn(managerName, tenant.get().id())
                            .contains(Role.SUPERVISOR)) {
                        throw KefuException.invalid("manager", "office.manager.not.supervisor", managerName);
                    }
                },
                () -> {
                    if (generalName != null && !accounts.rolesIn(generalName, tenant.get().id())
                            .contains(Role.SUPERVISOR)) {
                        throw KefuException.invalid("generalManager", "office.manager.not.supervisor", generalName);
                    }
                });
        settings.allowAnonymous(anonymousAllowed);
        settings.appointManager(managerName);
        settings.appointGeneralManager(generalName);
        if (stored.isEmpty()) {
            em.persist(settings);
        }
        Writes.flush(em);
        audit.record("settings.office", "office", before, describe(settings));
        return settings;
    }

    /**
     * How long before a promised reply time its owner is reminded, in minutes; {@code expectedVersion} as read
     * (ignored the first time the settings are saved). Audited like the rest of the office's settings.
     */
    public OfficeSettings changePromiseReminder(Integer minutes, long expectedVersion) {
        Optional<OfficeSettings> stored = stored();
        if (stored.isPresent() && stored.get().version() != expectedVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        OfficeSettings settings = stored.orElseGet(OfficeSettings::defaults);
        int before = settings.promiseReminderMinutes();
        settings.changePromiseReminder(minutes);
        if (stored.isEmpty()) {
            em.persist(settings);
        }
        Writes.flush(em);
        audit.record("settings.promise", "office", before + " min", settings.promiseReminderMinutes() + " min");
        return settings;
    }

    /** The handlers of every department: code → usernames. */
    public List<DepartmentHandler> handlers() {
        return em.createNamedQuery(DepartmentHandler.ALL, DepartmentHandler.class).getResultList();
    }

    /** The departments {@code username} handles for, whose queues they see. */
    public Set<String> departmentsOf(String username) {
        return new LinkedHashSet<>(em.createNamedQuery(DepartmentHandler.DEPARTMENTS_OF, String.class)
                .setParameter("username", username).getResultList());
    }

    /** Makes a staff member or supervisor of this tenant a handler of the department. */
    public void addHandler(Code department, String username) {
        workspace.getDepartment(department);
        String name = username == null ? "" : username.strip().toLowerCase();
        if (name.isEmpty() || accounts.rolesIn(name, tenant.get().id()).stream().noneMatch(WORKERS::contains)) {
            throw KefuException.invalid("username", "office.handler.not.staff", name);
        }
        if (!em.createNamedQuery(DepartmentHandler.ONE, DepartmentHandler.class)
                .setParameter("department", department.value()).setParameter("username", name)
                .getResultList().isEmpty()) {
            return;
        }
        em.persist(new DepartmentHandler(department, name));
        Writes.flush(em);
        audit.record("department.member.add", department.value() + "/" + name, null, "username=" + name);
    }

    public void removeHandler(Code department, String username) {
        List<DepartmentHandler> found = em.createNamedQuery(DepartmentHandler.ONE, DepartmentHandler.class)
                .setParameter("department", department.value()).setParameter("username", username).getResultList();
        found.forEach(em::remove);
        if (!found.isEmpty()) {
            audit.record("department.member.remove", department.value() + "/" + username, "username=" + username,
                    null);
        }
    }

    /** The people told when a case needs a supervisor: the tenant's supervisors. */
    public List<io.kefu.identity.boundary.Member> supervisors() {
        return accounts.members(tenant.get().id(), EnumSet.of(Role.SUPERVISOR));
    }

    /** The manager, or when none is named, every supervisor (someone must hear of a major case). */
    public List<io.kefu.identity.boundary.Member> managers() {
        String manager = settings().managerUsername();
        List<io.kefu.identity.boundary.Member> supervisors = supervisors();
        if (manager == null) {
            return supervisors;
        }
        List<io.kefu.identity.boundary.Member> named = supervisors.stream()
                .filter(m -> m.username().equals(manager)).toList();
        return named.isEmpty() ? supervisors : named;
    }

    /**
     * Who approves the quarterly complaint analysis: the general manager named, or when none is named (or they are no
     * longer a supervisor here), the manager as {@link #managers()} has it.
     */
    public List<io.kefu.identity.boundary.Member> generalManagers() {
        String general = settings().generalManagerUsername();
        List<io.kefu.identity.boundary.Member> named = general == null ? List.of()
                : supervisors().stream().filter(m -> m.username().equals(general)).toList();
        return named.isEmpty() ? managers() : named;
    }

    /** The staff and supervisors of this tenant, e.g. to hand a case over to. */
    public List<io.kefu.identity.boundary.Member> staff() {
        return accounts.members(tenant.get().id(), WORKERS);
    }

    /**
     * Who can be given work here (a case, a callback, a courtesy plan): staff and supervisors of this tenant who
     * have joined. Strangers, another tenant's people, residents, stopped and invited-but-not-joined people are not.
     */
    public List<io.kefu.identity.boundary.Member> assignable() {
        return accounts.joinedMembers(tenant.get().id(), WORKERS);
    }

    /** The person named in {@code field} when they {@linkplain #assignable() can be given work}; 422 otherwise. */
    public io.kefu.identity.boundary.Member assignee(String username, String field) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.isEmpty()) {
            throw KefuException.invalid(field, "field.required");
        }
        return assignable().stream().filter(m -> m.username().equals(name)).findFirst().orElseThrow(() ->
                staff().stream().anyMatch(m -> m.username().equals(name))
                        ? KefuException.invalid(field, "people.not.joined", name)
                        : KefuException.invalid(field, "case.handover.not.staff", name));
    }

    /** The handlers of one department. */
    public List<String> handlersOf(String departmentCode) {
        return handlers().stream().filter(h -> h.departmentCode().equals(departmentCode))
                .map(DepartmentHandler::username).toList();
    }

    private static String describe(OfficeSettings s) {
        java.util.Map<String, Object> values = new LinkedHashMap<>();
        values.put("anonymousAllowed", s.anonymousAllowed());
        values.put("manager", s.managerUsername());
        values.put("generalManager", s.generalManagerUsername());
        values.put("workingPeriods", s.workingPeriods());
        values.put("restDays", s.restDays());
        return AuditLog.describe(values);
    }

    private Optional<OfficeSettings> stored() {
        return em.createNamedQuery(OfficeSettings.OF_TENANT, OfficeSettings.class).getResultStream().findFirst();
    }
}
