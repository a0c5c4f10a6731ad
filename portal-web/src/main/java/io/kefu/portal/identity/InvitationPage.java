package io.kefu.portal.identity;

import io.kefu.admin.identity.LocalInvitations;
import io.kefu.faces.FacesFailures;
import io.kefu.identity.entity.PasswordHash;
import io.kefu.portal.tenancy.TenantPath;
import io.kefu.problem.Failure;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.control.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The public page behind an invitation link ({@code /t/{slug}/invitation?token=…}): the invited person sets
 * their password, and is sent to the tenant's login page. Request-scoped: the token travels in the form, so
 * a visitor with a bad link leaves nothing behind on the server. An unknown, used or expired link reads the
 * same, with status 404.
 */
@Named
@RequestScoped
public class InvitationPage {

    @Inject
    LocalInvitations invitations;

    @Inject
    CurrentTenant tenant;

    @Inject
    FacesContext faces;

    private String token;
    private String password;
    private String confirmation;
    private LocalInvitations.Pending pending;

    /** On the first GET: is the link usable? */
    public void load() {
        if (faces.isPostback()) {
            return;
        }
        pending = invitations.find(tenant.get(), token).orElse(null);
        if (pending == null) {
            faces.getExternalContext().setResponseStatus(404);
        }
    }

    public void choosePassword() throws IOException {
        if (password == null || !password.equals(confirmation)) {
            faces.addMessage("invitation:confirmation", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    FacesFailures.text(faces, "invitation.password.mismatch"), null));
            keepPending();
            return;
        }
        try {
            String username = invitations.redeem(tenant.get(), token, password.toCharArray());
            ExternalContext external = faces.getExternalContext();
            faces.getExternalContext().getFlash().setKeepMessages(true);
            FacesFailures.info("invitation.done", username);
            external.redirect(external.getRequestContextPath() + TenantPath.pageBase(tenant.get().slug()) + "login");
            faces.responseComplete();
        } catch (KefuException e) {
            if (e.failure() == Failure.NOT_FOUND) {
                faces.getExternalContext().setResponseStatus(404);
                return;
            }
            FacesFailures.show(e, "invitation");
            keepPending();
        }
    }

    private void keepPending() {
        pending = invitations.find(tenant.get(), token).orElse(null);
    }

    public boolean isUsable() {
        return pending != null;
    }

    public String getUsername() {
        return pending == null ? "" : pending.username();
    }

    public String getDisplayName() {
        return pending == null ? "" : pending.displayName();
    }

    public int getMinLength() {
        return PasswordHash.MIN_PASSWORD_LENGTH;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
