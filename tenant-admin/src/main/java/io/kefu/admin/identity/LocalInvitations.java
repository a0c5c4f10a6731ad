package io.kefu.admin.identity;

import io.kefu.identity.entity.AccountInvitation;
import io.kefu.identity.entity.UserAccount;
import io.kefu.notice.entity.MailQueued;
import io.kefu.notice.entity.OutboundMail;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local directory's invitations: a set-password link by mail for a new account, a note with the login
 * link for a person who has a password already. Written in the inviting transaction (the mail goes through
 * the outbox), so an invitation that fails sends nothing.
 */
@ApplicationScoped
@Transactional
public class LocalInvitations {

    /** Who a valid link is for, as the set-password page shows it. */
    public record Pending(String username, String displayName) {
    }

    @Inject
    EntityManager em;

    @Inject
    Event<MailQueued> queued;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kefu.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** As for every other mail: without an SMTP server nothing would deliver the queue. */
    @Inject
    @ConfigProperty(name = "kefu.smtp.host")
    Optional<String> smtpHost;

    /**
     * Mails the person their way in: the login page when they have a password, otherwise a new set-password
     * link, which replaces every earlier link of theirs in this tenant (a resent invitation leaves one link that
     * works). The link itself when it could not be mailed, for the admin to hand over.
     */
    public Optional<String> invite(TenantRef tenant, Invitee person) {
        UserAccount account = em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", person.username()).getResultStream().findFirst()
                .orElseThrow(() -> KefuException.notFound("people.not.found", person.username()));
        Locale locale = person.locale() == null ? tenant.defaultLocale() : person.locale();
        String base = publicUrl + "/t/" + tenant.slug().value() + "/";
        if (account.hasPassword()) {
            mail(tenant, account, locale, "ADDED", base + "login");
            return Optional.empty();
        }
        em.createNamedQuery(AccountInvitation.OPEN_OF_USER, AccountInvitation.class).setParameter("user", account)
                .setParameter("tenantId", tenant.id()).getResultList().forEach(earlier -> earlier.withdraw(clock));
        AccountInvitation.Issued issued = AccountInvitation.issue(account, tenant.id(), clock);
        em.persist(issued.invitation());
        String link = base + "invitation?token=" + issued.token();
        return mail(tenant, account, locale, "INVITED", link) ? Optional.empty() : Optional.of(link);
    }

    /** The person a usable link is for; empty for unknown, used or expired links and for other tenants' links. */
    public Optional<Pending> find(TenantRef tenant, String token) {
        return usable(tenant, token).map(i -> new Pending(i.user().username(), i.user().displayName()));
    }

    /** Sets the password and spends the link; the username, for the login page. */
    public String redeem(TenantRef tenant, String token, char[] password) {
        AccountInvitation invitation = usable(tenant, token)
                .orElseThrow(() -> KefuException.notFound("invitation.invalid"));
        invitation.redeem(password, clock);
        return invitation.user().username();
    }

    private Optional<AccountInvitation> usable(TenantRef tenant, String token) {
        if (!AccountInvitation.looksLikeToken(token)) {
            return Optional.empty();
        }
        return em.createNamedQuery(AccountInvitation.BY_HASH, AccountInvitation.class)
                .setParameter("hash", AccountInvitation.hash(token)).setParameter("tenantId", tenant.id())
                .getResultStream().filter(i -> i.isUsable(clock)).findFirst();
    }

    /** Whether the mail was queued: not without an SMTP server or an address. */
    private boolean mail(TenantRef tenant, UserAccount account, Locale locale, String kind, String link) {
        if (smtpHost.isEmpty() || account.email() == null) {
            return false;
        }
        ResourceBundle texts = ResourceBundle.getBundle("io.kefu.admin.identity.mail", locale,
                LocalInvitations.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] arguments = {tenant.name(texts.getLocale()), account.displayName(), account.username(), link,
            AccountInvitation.VALIDITY.toDays()};
        em.persist(new OutboundMail(tenant.id(), account.email(),
                new MessageFormat(texts.getString("subject." + kind), texts.getLocale()).format(arguments),
                new MessageFormat(texts.getString("body." + kind), texts.getLocale()).format(arguments), clock));
        queued.fire(new MailQueued());
        return true;
    }
}
