/**
 * The complaint workflow's REST API: filing (JSON or multipart with photos), the intake description, the
 * resident's tracking link, the staff inbox and case actions, dispatch orders, notices, and residents' own
 * cases. Thin: parse, call the domain's boundaries, shape the answer; rules live in the domain.
 */
package io.kefu.portal.complaint;
