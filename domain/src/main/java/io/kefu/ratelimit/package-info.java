/**
 * Limits counted in the database so that every node of a cluster counts the same hits: how often the public
 * endpoints may be used (filing without an account, the tracking link) and how fast passwords may be guessed
 * (failed logins per account, per address and per account at an address, with growing delays). Authenticated
 * staff are not limited here; who the client is (its address) is the portal's to say.
 */
package io.kefu.ratelimit;
