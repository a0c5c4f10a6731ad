/**
 * Demo data for the zero-setup run: two tenants (a property company in Chinese, a mall in English) with
 * one account per role, created only when the embedded database is used (or {@code KEFU_DEMO_SEED=true}),
 * and never twice; then, in the background, six months of their past cases ({@link io.kefu.portal.demo.DemoHistory},
 * {@code KEFU_DEMO_HISTORY}), the same on every fresh start. Production databases start empty but for the bootstrap
 * operator.
 */
package io.kefu.portal.demo;
