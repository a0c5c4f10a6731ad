package io.kefu.it.isolation;

/**
 * Where a call goes and what it carries: the tenant of the path, the identifiers put into its path and body
 * ({@code ids}), the secrets put where the path takes a capability such as a tracking token ({@code secrets}), and
 * the path tenant's own settings where a body must be a whole, valid document ({@code own}).
 */
record Side(String slug, Identifiers ids, Identifiers secrets, Identifiers own) {

    /** The path tenant's own people on their own objects: how the matrix learns what each tenant holds. */
    static Side own(Identifiers tenant) {
        return new Side(tenant.slug(), tenant, tenant, tenant);
    }

    String api(String rest) {
        return "/api/v1/tenants/" + slug + rest;
    }

    String page(String rest) {
        return "/t/" + slug + "/" + rest;
    }
}
