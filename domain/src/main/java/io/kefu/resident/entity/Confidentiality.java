package io.kefu.resident.entity;

/**
 * How secret a customer record is (保密等级). The regulations keep customer records as a business secret at
 * three levels; an ordinary record is read by any staff member of the tenant. Declared from the least to the
 * most secret: a clearance covers its own level and every level before it.
 */
public enum Confidentiality {
    ORDINARY,
    /** 秘密 */
    SECRET,
    /** 机密 */
    CONFIDENTIAL,
    /** 绝密 */
    TOP_SECRET;

    /** Whether someone cleared for this level may read a record at {@code level}. */
    public boolean covers(Confidentiality level) {
        return level == null || level.ordinal() <= ordinal();
    }

    /** Whether reads of a record at this level are protected: cleared or granted only, and every read logged. */
    public boolean isProtected() {
        return this != ORDINARY;
    }
}
