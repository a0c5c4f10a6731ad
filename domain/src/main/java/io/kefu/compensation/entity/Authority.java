package io.kefu.compensation.entity;

/**
 * How far a person may approve compensation (核决权限): staff, supervisors, and the office's named manager, each up to
 * the limit the tenant admin set for that level.
 */
public enum Authority {
    STAFF, SUPERVISOR, MANAGER
}
