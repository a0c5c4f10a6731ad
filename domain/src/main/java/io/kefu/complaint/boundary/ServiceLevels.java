package io.kefu.complaint.boundary;

import io.kefu.cache.Snapshots;
import io.kefu.complaint.entity.CaseKind;
import io.kefu.complaint.entity.ServiceLevel;
import io.kefu.complaint.entity.ServiceLevelSetting;
import io.kefu.complaint.entity.Severity;
import io.kefu.complaint.entity.SlaPolicy;
import io.kefu.deadline.WorkingCalendar;
import io.kefu.problem.KefuException;
import io.kefu.problem.Writes;
import io.kefu.resident.boundary.Residents;
import io.kefu.resident.entity.Grade;
import io.kefu.tenancy.control.CurrentTenant;
import io.kefu.workspace.boundary.WorkspaceSetup;
import jakarta.enterprise.context.ApplicationScoped;
import io.kefu.audit.boundary.AuditLog;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's deadlines per kind × severity: the regulations' defaults (sized to the tenant's working
 * day) with the tenant's own changes on top.
 */
@ApplicationScoped
@Transactional
public class ServiceLevels {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    WorkspaceSetup setup;

    @Inject
    Residents residents;

    @Inject
    Snapshots snapshots;

    @Inject
    CurrentTenant tenant;

    /** The policy as this node holds it ({@link Snapshots}), per length of the working day it is sized to. */
    public SlaPolicy policy(WorkingCalendar calendar) {
        return snapshots.get(Snapshots.tenant(tenant.get().id()), "sla:" + calendar.workingDay(), () -> {
            SlaPolicy policy = SlaPolicy.regulations(calendar.workingDay());
            for (ServiceLevelSetting setting : settings()) {
                policy = policy.with(setting.kind(), setting.severity(), setting.level());
            }
            return policy;
        });
    }

    /**
     * The level of a case for the customer at {@code contactPhone}: a graded customer on the register gets
     * the share of the normal deadlines the tenant set for the grade (e.g. grade A 50%); others the normal.
     */
    public ServiceLevel levelFor(WorkingCalendar calendar, CaseKind kind, Severity severity, String contactPhone) {
        return levelFor(calendar, kind, severity, residents.gradeOf(contactPhone));
    }

    /** The level of a case for a customer of {@code grade} on the register (none: the normal deadlines). */
    public ServiceLevel levelFor(WorkingCalendar calendar, CaseKind kind, Severity severity, Optional<Grade> grade) {
        int percent = setup.rules().deadlinePercent(grade.map(Enum::name).orElse(null));
        return policy(calendar).levelFor(kind, severity).scaled(percent);
    }

    public List<ServiceLevelSetting> settings() {
        return em.createNamedQuery(ServiceLevelSetting.ALL, ServiceLevelSetting.class).getResultList();
    }

    /** Sets the tenant's deadlines for one kind × severity, in minutes of working time. */
    public void change(CaseKind kind, Severity severity, int firstResponseMinutes, int resolutionMinutes) {
        if (kind == null || severity == null) {
            throw KefuException.invalid(kind == null ? "kind" : "severity", "field.required");
        }
        ServiceLevelSetting existing = settings().stream()
                .filter(s -> s.kind() == kind && s.severity() == severity).findFirst().orElse(null);
        String before = existing == null ? null : describe(existing);
        ServiceLevelSetting saved = existing;
        if (existing == null) {
            saved = new ServiceLevelSetting(kind, severity, firstResponseMinutes, resolutionMinutes);
            em.persist(saved);
        } else {
            existing.change(firstResponseMinutes, resolutionMinutes);
        }
        Writes.flush(em);
        audit.record("settings.service-level", kind + "/" + severity, before, describe(saved));
    }

    private static String describe(ServiceLevelSetting s) {
        java.util.Map<String, Object> values = new LinkedHashMap<>();
        values.put("firstResponseMinutes", s.level().firstResponse().toMinutes());
        values.put("resolutionMinutes", s.level().resolution().toMinutes());
        return AuditLog.describe(values);
    }
}
