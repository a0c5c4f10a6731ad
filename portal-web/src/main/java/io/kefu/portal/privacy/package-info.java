/**
 * The REST side of privacy and retention for tenant admins: a customer's data as JSON or a workbook, and its erasure
 * (the retention policy itself is a setting: {@code SettingsResource}).
 */
package io.kefu.portal.privacy;
