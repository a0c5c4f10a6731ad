/**
 * Both languages, everywhere: which locale a request is served in (the visitor's choice, kept in a cookie;
 * else the tenant's default; else zh_CN), the language switch, and message lookup for the REST API, which
 * follows {@code Accept-Language} instead.
 */
package io.kefu.portal.i18n;
