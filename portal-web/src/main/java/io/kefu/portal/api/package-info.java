/**
 * The REST API's frame: its root ({@code /api}), and how every endpoint declares who may call it. Resources
 * themselves live in their feature packages. Every resource method must say {@link io.kefu.portal.api.Public}
 * or {@link io.kefu.portal.api.Allowed}; one that says neither is refused for everybody (fail closed).
 */
package io.kefu.portal.api;
