/**
 * Satisfaction surveys (满意度调查): questionnaire templates per tenant in Chinese and English, kept in
 * versions (a version with answers is never changed: editing it makes the next version); the tenant's survey
 * rules (which share of closed cases is asked, how long after closing, how long a link stays valid, which
 * template follows a case and which the callback uses); the invitation made when a case closes, sent by a
 * cluster-wide job; signed single-use links (HMAC-SHA256 with a per-tenant key kept in the database); the
 * answers, from the resident's link or from staff on a callback; campaigns (专题调查) to all residents through a
 * public link between two dates; and the results computed by grouped queries. Out of scope here: choosing a
 * campaign's residents by building, area or grade (residents have no units or grades yet: the segment is only
 * stored) and the callback workflow itself, which uses
 * {@link io.kefu.survey.boundary.SurveyTemplates#callbackForm()} and
 * {@link io.kefu.survey.boundary.SurveyResponses#submitForCallback}.
 */
package io.kefu.survey;
