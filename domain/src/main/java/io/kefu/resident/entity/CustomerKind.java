package io.kefu.resident.entity;

/** Who a customer record is about: a person living in a unit, a shop in a mall, or a company renting space. */
public enum CustomerKind {
    RESIDENT, SHOP, COMPANY
}
