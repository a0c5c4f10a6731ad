/**
 * The resident register (客户档案): the units of a tenant's properties and the residents living or trading in
 * them, with their customer grade (A/B/C) that shortens the deadlines of their cases. Filled by importing a
 * CSV or Excel file; each row is checked on its own so that a few bad rows do not stop the good ones, while a
 * file that is not a resident list at all is refused as a whole. Customer records group a customer's entries
 * with their cases, callbacks, survey answers and courtesy visits ({@code CustomerRecords}); key customers' new
 * cases go to their named handler. Out of scope: who may read a protected record, and the logging of its reads.
 */
package io.kefu.resident;
