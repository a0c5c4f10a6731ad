package io.kefu.privacy.entity;

/** What happens to the attachments (photos, documents) of a case when its personal data is anonymised. */
public enum AttachmentRule {
    /** Deleted with the personal data: a photo may show the person or their home. */
    DELETE,
    /** Kept as part of the case: the office may need the evidence longer than the contact data. */
    KEEP
}
