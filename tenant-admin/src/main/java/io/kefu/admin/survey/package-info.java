/**
 * The tenant admin's survey page: the survey rules (share of closed cases asked, delay, link validity, the
 * post-case and callback questionnaires), the questionnaires with their versions, an editor for one, its
 * preview as the resident sees it, publishing, and the results downloads. Out of scope: campaigns.
 */
package io.kefu.admin.survey;
