/**
 * The tenant admin's privacy page (/t/{tenant}/admin/privacy): the retention policy, and a customer's data on their
 * request — found by record key or phone, exported as JSON or a workbook, or erased after a confirmation step.
 */
package io.kefu.admin.privacy;
