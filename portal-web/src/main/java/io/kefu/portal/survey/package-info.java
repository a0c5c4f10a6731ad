/**
 * Satisfaction surveys in the portal: the REST API for templates, survey rules, results (JSON, CSV, Excel)
 * and the resident's answers through a signed link; the resident's survey page and the supervisors' results
 * page; the question view-models that the survey page, the admin's preview and the staff's callback dialog
 * render through the {@code k:surveyQuestions} tag. Campaigns are out of scope here.
 */
package io.kefu.portal.survey;
