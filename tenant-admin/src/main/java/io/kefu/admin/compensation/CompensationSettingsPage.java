package io.kefu.admin.compensation;

import io.kefu.compensation.boundary.Compensations;
import io.kefu.compensation.entity.Amount;
import io.kefu.compensation.entity.Authority;
import io.kefu.compensation.entity.CompensationPolicy;
import io.kefu.faces.FacesFailures;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Compensation limits and promise words (/t/{tenant}/admin/compensation): saved as a whole at the version they were
 * read. Limits are typed in yuan; an empty manager limit means the manager approves any amount. View-scoped and bound
 * to the tenant it was opened for.
 */
@Named
@ViewScoped
public class CompensationSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Compensations compensations;


    private String staffLimit;
    private String supervisorLimit;
    private String managerLimit;
    private String promiseWords;
    private long version;

    @PostConstruct
    void load() {
        show(compensations.policy());
    }

    private void show(CompensationPolicy p) {
        staffLimit = yuan(p.limitOf(Authority.STAFF));
        supervisorLimit = yuan(p.limitOf(Authority.SUPERVISOR));
        managerLimit = yuan(p.limitOf(Authority.MANAGER));
        promiseWords = String.join("\n", p.promiseWords());
        version = p.version();
    }

    public void save() {
        show(compensations.updatePolicy(staffLimit, supervisorLimit, managerLimit,
                Arrays.asList((promiseWords == null ? "" : promiseWords).split("\\R")), version));
        FacesFailures.info("admin.saved");
    }

    private static String yuan(Long fen) {
        return fen == null ? null : Amount.format(fen);
    }

    public String getStaffLimit() {
        return staffLimit;
    }

    public void setStaffLimit(String staffLimit) {
        this.staffLimit = staffLimit;
    }

    public String getSupervisorLimit() {
        return supervisorLimit;
    }

    public void setSupervisorLimit(String supervisorLimit) {
        this.supervisorLimit = supervisorLimit;
    }

    public String getManagerLimit() {
        return managerLimit;
    }

    public void setManagerLimit(String managerLimit) {
        this.managerLimit = managerLimit;
    }

    public String getPromiseWords() {
        return promiseWords;
    }

    public void setPromiseWords(String promiseWords) {
        this.promiseWords = promiseWords;
    }
}
