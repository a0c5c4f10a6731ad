package io.kefu.survey.entity;

/** How an answer came in: the resident's link after a case, staff on a callback, or a campaign's link. */
public enum ResponseChannel {
    POST_CASE, CALLBACK, CAMPAIGN
}
