/**
 * What can go wrong, in the words a user is told: typed exceptions that carry a message key (resolved in
 * {@code messages_zh_CN} / {@code messages_en} by the page or the REST boundary) and the kind of failure
 * that decides the HTTP status. Business rules throw these; nothing here knows about JSF or JAX-RS.
 */
package io.kefu.problem;
