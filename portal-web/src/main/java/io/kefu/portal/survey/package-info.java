/**
 * Satisfaction surveys in the portal: the REST API for templates, survey rules, results (JSON, CSV, Excel),
 * campaigns (with their QR code) and the resident's answers through a signed link or a campaign's link; the
 * supervisors' results page. The resident's pages are in {@code resident}; every page renders questions
 * through the {@code k:surveyQuestions} tag over {@code io.kefu.faces.QuestionView}, as the staff's callback
 * dialog will.
 */
package io.kefu.portal.survey;
