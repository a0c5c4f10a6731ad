package io.kefu.tenancy.control;

/**
 * The few deliberate ways work reads across tenants, each admitted by PostgreSQL's row-level security for one
 * transaction and for the named tables only (policies in {@code V17__row_level_security.sql}). A reach widens
 * what a transaction sees; it never lets it insert or delete another tenant's rows. Opened through
 * {@link TenantPersistence#reach(Reach)}, only by the boundaries listed in {@code .cross-tenant-allowlist}.
 */
public enum Reach {

    /**
     * A person's memberships in every tenant: the workplaces they may open after login, whether they still work
     * anywhere once one tenant stopped them. Reads {@code membership} only.
     */
    ACCOUNTS("accounts"),

    /** The mail outbox, delivered by one node for every tenant: reads and marks {@code outbound_mail} only. */
    MAIL("mail"),

    /**
     * The platform operator's usage figures: reads {@code complaint}, {@code attachment} and {@code membership}
     * of every tenant, for aggregates only.
     */
    USAGE("usage");

    private final String setting;

    Reach(String setting) {
        this.setting = setting;
    }

    /** The value of {@code kefu.reach} the policies compare with. */
    public String setting() {
        return setting;
    }
}
