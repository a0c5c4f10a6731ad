package io.kefu.compensation.entity;

/** What the office gives the customer: the regulations' 折让、赔款、退货, and money back for a service. */
public enum CompensationType {
    /** A reduction of what the customer owes (折让), e.g. a month's management fee. */
    DISCOUNT,
    /** Money for a loss or damage the office caused (赔款). */
    COMPENSATION,
    /** Money paid back for a service not given or not as agreed (退款). */
    REFUND,
    /** Goods taken back (退货), with the price returned. */
    RETURN
}
