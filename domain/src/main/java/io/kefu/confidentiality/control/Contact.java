package io.kefu.confidentiality.control;

import io.kefu.complaint.entity.Complaint;

/**
 * The personal fields of a case (or of its callback, or of an entry on the register) as one value, so that
 * every page, API answer, export and report row shows either all of them or all of them {@linkplain #masked()
 * masked}, never a mix.
 */
public record Contact(String name, String phone, String email, String location, boolean isMasked) {

    public Contact(String name, String phone, String email, String location) {
        this(name, phone, email, location, false);
    }

    public static Contact of(Complaint complaint) {
        return new Contact(complaint.contactName(), complaint.contactPhone(), complaint.contactEmail(),
                complaint.location());
    }

    /** The same contact as someone below the record's level sees it. */
    public Contact masked() {
        return isMasked ? this : new Contact(Mask.name(name), Mask.phone(phone), Mask.email(email),
                Mask.address(location), true);
    }
}
