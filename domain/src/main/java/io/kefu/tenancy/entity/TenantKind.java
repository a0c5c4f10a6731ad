package io.kefu.tenancy.entity;

/** What trade a tenant is in; it decides the words residents see (unit or store) and the demo defaults. */
public enum TenantKind {
    PROPERTY,
    RETAIL
}
