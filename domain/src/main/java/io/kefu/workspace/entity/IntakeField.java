package io.kefu.workspace.entity;

/**
 * The contact fields of the resident intake form a tenant may make required (the description and the phone
 * always are: without a phone there is no callback).
 * {@link #field()} is the name of the input on the form and in the API, so an error points at it.
 */
public enum IntakeField {
    NAME("contactName"),
    EMAIL("contactEmail"),
    LOCATION("location");

    private final String field;

    IntakeField(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }
}
