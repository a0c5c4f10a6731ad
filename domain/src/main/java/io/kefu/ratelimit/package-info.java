/**
 * Rate limits for the public endpoints (filing without an account, the tracking link), counted in the
 * database so a cluster shares them. Authenticated staff are not limited here.
 */
package io.kefu.ratelimit;
