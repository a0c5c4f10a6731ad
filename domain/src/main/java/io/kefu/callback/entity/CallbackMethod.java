package io.kefu.callback.entity;

/** How the office got (or tried to get) in touch. */
public enum CallbackMethod {
    PHONE, VISIT, SMS, ONLINE
}
