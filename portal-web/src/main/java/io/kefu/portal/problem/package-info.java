/**
 * Failures as users and clients receive them: RFC 9457 problem documents ({@code application/problem+json})
 * in the caller's language for the API, never with a stack trace or a product version, and the mappers
 * that turn domain and platform exceptions into them.
 */
package io.kefu.portal.problem;
