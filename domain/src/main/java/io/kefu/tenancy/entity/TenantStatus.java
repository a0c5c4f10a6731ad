package io.kefu.tenancy.entity;

/** A suspended tenant keeps its data, but nobody, resident or staff, is served until it is resumed. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
