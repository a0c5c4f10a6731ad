package io.kefu.confidentiality.entity;

/**
 * Why a reader saw a protected record unmasked: their clearance, a supervisor's grant, a break-glass read, or the
 * customer's own request for their data, exported by the tenant admin (whatever the admin's clearance).
 */
public enum Basis {
    CLEARANCE, GRANT, BREAK_GLASS, DATA_REQUEST
}
