/**
 * Compensation proposals (折让、赔款、退货) on the REST API and the staff case page's panel: propose, list, approve,
 * refuse. Thin: parse, call the domain's {@code compensation} boundary, shape the answer; the authority rules live in
 * the domain. Proposals are addressed by their case's number and their number within it; database ids never appear.
 */
package io.kefu.portal.compensation;
