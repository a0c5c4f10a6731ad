package io.kefu.complaint.entity;

/** How a case reached the office: the online form, or registered by staff from a call, letter or visit. */
public enum Channel {
    ONLINE,
    PHONE,
    LETTER,
    VISIT
}
