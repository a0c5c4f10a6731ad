package io.kefu.confidentiality.entity;

/** How a protected record's personal data was read: on a page, through the API, in an export or a report. */
public enum ReadChannel {
    PAGE, API, EXPORT, REPORT
}
