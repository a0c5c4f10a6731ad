/**
 * The resident register over HTTP: importing a CSV or Excel file of units and residents (raw body or a
 * multipart {@code file} part), the import's progress and its report of refused rows, and the paged list. And the
 * customer records (客户档案) over it: the search and record pages, the case page's link, and their API.
 * The rules of the register are in {@code io.kefu.resident}; here only formats and translations.
 */
package io.kefu.portal.register;
