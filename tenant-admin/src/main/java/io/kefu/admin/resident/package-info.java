/**
 * The tenant admin's residents page: importing a resident file with its progress and error report, and the
 * register as a lazy, searchable table. The rules are in {@code io.kefu.resident}.
 */
package io.kefu.admin.resident;
