package io.kefu.identity.entity;

import java.util.Optional;
import io.kefu.problem.Fields;
import io.kefu.problem.KefuException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person who can log in with a local password (the embedded identity source). Global: the same person may
 * hold memberships in several tenants. Usernames are case-insensitive and stored lower-case.
 */
@Entity
@jakarta.persistence.EntityListeners(io.kefu.cache.SnapshotChanges.class)
@Table(name = "user_account")
@NamedQuery(name = UserAccount.BY_USERNAME, query = "SELECT u FROM UserAccount u WHERE u.username = :username")
@NamedQuery(name = UserAccount.BY_SUBJECT, query = "SELECT u FROM UserAccount u WHERE u.externalSubject = :subject")
@NamedQuery(name = UserAccount.PLATFORM_ADMINS,
        query = "SELECT COUNT(u) FROM UserAccount u WHERE u.platformAdmin = TRUE")
public class UserAccount {

    public static final String BY_USERNAME = "UserAccount.byUsername";
    public static final String BY_SUBJECT = "UserAccount.bySubject";
    public static final String PLATFORM_ADMINS = "UserAccount.platformAdmins";
    public static final int USERNAME_MAXLENGTH = 64;
    /** Names case histories and the audit log use for the resident, the system and strangers; nobody may take them. */
    static final java.util.Set<String> RESERVED = java.util.Set.of("resident", "system", "anonymous");
    public static final int DISPLAY_NAME_MAXLENGTH = 100;
    public static final int EMAIL_MAXLENGTH = 254;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{1,63}$");
    /**
     * The same rule as {@link #normalizeUsername} for an identity provider that checks names as typed: any case
     * (they are kept in lower case), none of the reserved names. Keycloak's registration checks it
     * (KeycloakRealmSetup).
     */
    public static final String USERNAME_RULE_ANY_CASE = "^(?i)(?!(?:"
            + String.join("|", new java.util.TreeSet<>(RESERVED)) + ")$)[a-z0-9][a-z0-9._@-]{1,63}$";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, unique = true, updatable = false, length = USERNAME_MAXLENGTH)
    private String username;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAXLENGTH)
    private String displayName;

    @Column(name = "email", length = EMAIL_MAXLENGTH)
    private String email;

    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    /** The identity provider's id of this person (Keycloak's {@code sub}); null for local-only accounts. */
    @Column(name = "external_subject", length = 64)
    private String externalSubject;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "platform_admin", nullable = false)
    private boolean platformAdmin;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserAccount() {
        // for JPA
    }

    private UserAccount(String username, String displayName, String email, Clock clock) {
        this.username = normalizeUsername(username);
        this.displayName = Fields.text(displayName, "displayName", DISPLAY_NAME_MAXLENGTH);
        this.email = normalizeEmail(email);
        this.enabled = true;
        this.createdAt = OffsetDateTime.now(clock);
    }

    /** A new, enabled account with a local password. */
    public static UserAccount withPassword(String username, String displayName, String email, char[] password,
            Clock clock) {
        UserAccount account = new UserAccount(username, displayName, email, clock);
        account.changePassword(password);
        return account;
    }

    /**
     * A person who proves who they are at the identity provider only: no local password, so the local login
     * never accepts them; {@code subject} is the provider's id of them.
     */
    public static UserAccount external(String username, String displayName, String email, String subject,
            Clock clock) {
        UserAccount account = new UserAccount(username, displayName, email, clock);
        account.linkSubject(subject);
        return account;
    }

    /**
     * Ties the account to the provider's id of the person, once. Linking it to another id later is refused:
     * that would hand this account to whoever holds the other id.
     */
    public void linkSubject(String subject) {
        String value = Fields.text(subject, "subject", 64);
        if (externalSubject != null && !externalSubject.equals(value)) {
            throw KefuException.conflict("user.subject.mismatch", username);
        }
        this.externalSubject = value;
    }

    public Optional<String> externalSubject() {
        return Optional.ofNullable(externalSubject);
    }

    /**
     * A new, enabled account for someone invited to work in a tenant, without a password yet: it cannot log
     * in (no hash matches) until the person sets one through their invitation link.
     */
    public static UserAccount invited(String username, String displayName, String email, Clock clock) {
        if (email == null || email.isBlank()) {
            throw KefuException.invalid("email", "field.required");
        }
        return new UserAccount(username, displayName, email, clock);
    }

    /**
     * Whether the person has yet to answer their invitation: no password set through the link (local accounts)
     * and never signed in at the identity provider (Keycloak). Only such a person's invitation can be sent again.
     */
    public boolean awaitsFirstSignIn() {
        return passwordHash == null && externalSubject == null;
    }

    /** Whether the person has set a password yet (an invited account has not until the link is used). */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** Same address, ignoring case and surrounding blanks: an invitation names an existing person only so. */
    public boolean hasEmail(String candidate) {
        return email != null && candidate != null && email.equalsIgnoreCase(candidate.strip());
    }

    public void changePassword(char[] password) {
        if (password == null || password.length < PasswordHash.MIN_PASSWORD_LENGTH) {
            throw KefuException.invalid("password", "password.too.short", PasswordHash.MIN_PASSWORD_LENGTH);
        }
        if (password.length > PasswordHash.MAX_PASSWORD_LENGTH) {
            throw KefuException.invalid("password", "field.too.long", PasswordHash.MAX_PASSWORD_LENGTH);
        }
        this.passwordHash = PasswordHash.hash(password);
    }

    /**
     * True only for an enabled account whose password matches; a disabled account never authenticates. The
     * hash is always computed, so a disabled account answers no faster than an enabled one.
     */
    public boolean authenticates(char[] password) {
        return authenticates(enabled, passwordHash, password);
    }

    /** The rule of {@link #authenticates(char[])} for callers holding a copy of the account's sign-in facts. */
    public static boolean authenticates(boolean enabled, String passwordHash, char[] password) {
        boolean matches = PasswordHash.matches(password, passwordHash);
        return enabled && matches;
    }

    /** The stored hash, for caches that must miss when the password changes; never shown to anybody. */
    public String passwordHash() {
        return passwordHash;
    }

    public void grantPlatformAdmin() {
        this.platformAdmin = true;
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public static String normalizeUsername(String username) {
        String candidate = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(candidate).matches() || RESERVED.contains(candidate)) {
            throw KefuException.invalid("username", "user.username.invalid");
        }
        return candidate;
    }

    private static String normalizeEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String candidate = email.strip();
        if (candidate.length() > EMAIL_MAXLENGTH || !EMAIL.matcher(candidate).matches()) {
            throw KefuException.invalid("email", "field.email.invalid");
        }
        return candidate;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isPlatformAdmin() {
        return platformAdmin;
    }
}
