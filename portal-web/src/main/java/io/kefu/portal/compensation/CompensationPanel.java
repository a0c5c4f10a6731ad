package io.kefu.portal.compensation;

import io.kefu.compensation.boundary.Compensations;
import io.kefu.compensation.entity.Amount;
import io.kefu.compensation.entity.Compensation;
import io.kefu.compensation.entity.CompensationType;
import io.kefu.complaint.boundary.Cases;
import io.kefu.complaint.entity.Actor;
import io.kefu.faces.FacesFailures;
import io.kefu.portal.complaint.CallerActor;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The compensation panel of the staff case page (/t/{tenant}/staff/cases/{number}): the case's proposals with their
 * state, a form to propose one, and approve/refuse for those whose authority covers a proposal they did not make.
 * A bean of its own beside {@code CasePage}, so the panel is one block of the page; bound, like the page, to the
 * tenant and case it was opened for.
 */
@Named
@ViewScoped
public class CompensationPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Compensations compensations;

    @Inject
    Cases cases;

    @Inject
    CallerActor caller;

    @Inject
    CurrentTenant tenant;

    @Inject
    HttpServletRequest request;

    /** The page the panel is part of: its history and version are read again after each step here. */
    @Inject
    io.kefu.portal.staff.CasePage page;

    private long tenantId;
    private String number;
    private transient List<Compensation> items;
    private transient Long limit;
    private transient boolean limitRead;
    private transient Boolean proposable;
    private CompensationType type;
    private String amount;
    private String reason;
    private String refusal;

    @PostConstruct
    void bind() {
        tenantId = tenant.get().id();
        number = (String) request.getAttribute(TenantPath.PARAMETER);
    }

    private boolean sameCase() {
        if (tenant.get().id() == tenantId && Objects.equals(number, request.getAttribute(TenantPath.PARAMETER))) {
            return true;
        }
        FacesFailures.show(KefuException.conflict("concurrent.change"), null);
        return false;
    }

    public List<Compensation> getItems() {
        if (items == null) {
            items = sameCase() ? cases.find(number).map(compensations::ofCase).orElse(List.of()) : List.of();
        }
        return items;
    }

    /** The most the signed-in person may approve, in yuan ("2000.00"), or {@code null} when they have no limit. */
    public String getLimit() {
        if (!limitRead) {
            limitRead = true;
            limit = compensations.limitOf(caller.get());
        }
        return limit == null ? null : Amount.format(limit);
    }

    public boolean decidable(Compensation proposal) {
        getLimit();
        return proposal.decidableBy(caller.get(), limit);
    }

    public boolean isAnyDecidable() {
        return getItems().stream().anyMatch(this::decidable);
    }

    /** Whether the signed-in person may propose: the case is open and theirs, or they are a supervisor. */
    public boolean isProposable() {
        if (proposable == null) {
            Actor actor = caller.get();
            proposable = cases.find(number).filter(c -> c.status().isOpen() && c.isOwnedBy(actor)).isPresent();
        }
        return proposable;
    }

    public String yuan(long fen) {
        return Amount.format(fen);
    }

    public CompensationType[] getTypes() {
        return CompensationType.values();
    }

    public void propose() {
        if (!sameCase()) {
            return;
        }
        Compensation p = compensations.propose(number, caller.get(), type, amount, reason);
        type = null;
        amount = null;
        reason = null;
        items = null;
        page.reload();
        FacesFailures.info("compensation.proposed", p.seq());
    }

    public void approve(int seq) {
        if (!sameCase()) {
            return;
        }
        compensations.approve(number, seq, caller.get());
        items = null;
        page.reload();
        FacesFailures.info("compensation.approved", seq);
    }

    public void refuse(int seq) {
        if (!sameCase()) {
            return;
        }
        compensations.refuse(number, seq, caller.get(), refusal);
        items = null;
        refusal = null;
        page.reload();
        FacesFailures.info("compensation.refused", seq);
    }

    public CompensationType getType() {
        return type;
    }

    public void setType(CompensationType type) {
        this.type = type;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getRefusal() {
        return refusal;
    }

    public void setRefusal(String refusal) {
        this.refusal = refusal;
    }
}
