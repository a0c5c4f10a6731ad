/**
 * Compensation, refunds and returns (折让、赔款、退货) approved by authority (核决权限). Staff working a case propose
 * what the office gives the customer (a {@link io.kefu.compensation.entity.Compensation}: type, amount, reason);
 * somebody else whose limit covers the amount approves or refuses it, and both steps go into the case's history.
 * The tenant admin sets each role's limit ({@link io.kefu.compensation.entity.CompensationPolicy}), and a public
 * reply that promises compensation is stopped, like a forbidden phrase, until a proposal of the case is approved.
 * The approved amounts per month, department and type are the figures the monthly table and the quarterly report
 * show ({@link io.kefu.compensation.control.CompensationTotals}, one query for both).
 *
 * <p>Out of scope: paying the money (the office's accounting does), and a proposal's amount changing after it was
 * made (a new proposal is made instead; the old one is refused).
 */
package io.kefu.compensation;
