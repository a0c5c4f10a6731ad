package io.kefu.confidentiality.entity;

/** Why a reader saw a protected record unmasked: their clearance, a supervisor's grant, or a break-glass read. */
public enum Basis {
    CLEARANCE, GRANT, BREAK_GLASS
}
