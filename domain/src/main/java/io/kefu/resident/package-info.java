/**
 * The resident register (客户档案): the units of a tenant's properties and the residents living or trading in
 * them, with their customer grade (A/B/C) that shortens the deadlines of their cases. Filled by importing a
 * CSV or Excel file; each row is checked on its own so that a few bad rows do not stop the good ones, while a
 * file that is not a resident list at all is refused as a whole. Out of scope: confidentiality levels and
 * the logging of reads of protected records.
 */
package io.kefu.resident;
