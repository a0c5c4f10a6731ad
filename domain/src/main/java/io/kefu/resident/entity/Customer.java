package io.kefu.resident.entity;

import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A customer record (客户档案): the one customer behind one or more entries on the register (an owner of two
 * flats, a chain's shops), their cases and callbacks, and what the regulations attach to the customer as a
 * whole. The record is a business secret at its {@link Confidentiality level}: who may read it, and how each read
 * is logged, is decided outside (the confidentiality package); this class only holds the level.
 *
 * <p>A key customer (重点客户) has a named handler who gets the customer's new cases. Staff reach a record by
 * its {@link #key() key}, a random public name: database ids never appear in addresses.
 */
@Entity
@Table(name = "customer")
@NamedQuery(name = Customer.BY_KEY, query = "SELECT c FROM Customer c WHERE c.key = :key")
@NamedQuery(name = Customer.BY_PHONE, query = "SELECT DISTINCT r.customer FROM Resident r WHERE r.phone = :phone")
// Every entry of one phone number belongs to one record (see Residents), so MIN picks that record.
@NamedQuery(name = Customer.FILE_UNFILED_CASES, query = "UPDATE Complaint k SET k.customerId = "
        + "(SELECT MIN(r.customer.id) FROM Resident r WHERE r.phone = k.contactPhone) WHERE k.customerId IS NULL "
        + "AND EXISTS (SELECT r2.id FROM Resident r2 WHERE r2.phone = k.contactPhone)")
public class Customer extends TenantOwned {

    public static final String BY_KEY = "Customer.byKey";
    public static final String BY_PHONE = "Customer.byPhone";
    public static final String FILE_UNFILED_CASES = "Customer.fileUnfiledCases";
    public static final int KEY_LENGTH = 12;
    public static final int NAME_MAXLENGTH = Resident.NAME_MAXLENGTH;
    public static final int NOTES_MAXLENGTH = 2000;
    public static final int HANDLER_MAXLENGTH = 64;
    /** The name an erased record keeps (the column needs one): a dash, in no language, naming nobody. */
    public static final String ERASED_NAME = "—";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] KEY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "record_key", nullable = false, updatable = false, length = KEY_LENGTH)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private CustomerKind kind;

    @Column(name = "name", nullable = false, length = NAME_MAXLENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "confidentiality", nullable = false, length = 16)
    private Confidentiality confidentiality;

    @Column(name = "vip", nullable = false)
    private boolean vip;

    @Column(name = "handler_username", length = HANDLER_MAXLENGTH)
    private String handler;

    @Column(name = "notes", length = NOTES_MAXLENGTH)
    private String notes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** When the record was erased on the customer's request (see {@link #erase}); null while it is kept. */
    @Column(name = "erased_at")
    private OffsetDateTime erasedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Customer() {
        // for JPA
    }

    /** A new, ordinary record for a customer first seen on the register under {@code name}. */
    public Customer(CustomerKind kind, String name, Clock clock) {
        this.key = newKey();
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
        this.confidentiality = Confidentiality.ORDINARY;
        this.createdAt = OffsetDateTime.now(clock);
    }

    static String newKey() {
        char[] key = new char[KEY_LENGTH];
        for (int i = 0; i < key.length; i++) {
            key[i] = KEY_ALPHABET[RANDOM.nextInt(KEY_ALPHABET.length)];
        }
        return new String(key);
    }

    /** Whether {@code text} could be a record key at all: anything else is refused before a query is made. */
    public static boolean isKey(String text) {
        if (text == null || text.length() != KEY_LENGTH) {
            return false;
        }
        // Keys made by V26 for the register as it stood are hex (md5), which the alphabet above does not hold:
        // any lowercase letter or digit is admitted, still refusing anything that could not be a key at all.
        for (char c : text.toCharArray()) {
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** What staff keep about the customer: kind, name, VIP, the named handler (or none) and notes. */
    public void describe(CustomerKind kind, String name, boolean vip, String handler, String notes) {
        KefuException.checkAll(
                () -> {
                    if (kind == null) {
                        throw KefuException.invalid("kind", "field.required");
                    }
                },
                () -> {
                    if (name == null || name.isBlank()) {
                        throw KefuException.invalid("name", "field.required");
                    }
                    if (name.strip().length() > NAME_MAXLENGTH) {
                        throw KefuException.invalid("name", "field.too.long", NAME_MAXLENGTH);
                    }
                },
                () -> {
                    if (notes != null && notes.strip().length() > NOTES_MAXLENGTH) {
                        throw KefuException.invalid("notes", "field.too.long", NOTES_MAXLENGTH);
                    }
                });
        this.kind = kind;
        this.name = name.strip();
        this.vip = vip;
        this.handler = handler == null || handler.isBlank() ? null : handler.strip();
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    /** Sets how secret the record is; who may do so is the boundary's business. */
    public void classify(Confidentiality level) {
        if (level == null) {
            throw KefuException.invalid("confidentiality", "field.required");
        }
        this.confidentiality = level;
    }

    /**
     * Erases what the record says about the person on their request (the privacy package does the rest: the
     * register entries, cases, callbacks and mails). The row stays as an empty shell, so that what refers to it —
     * logs, links from other records — still resolves, to nobody: its name becomes {@link #ERASED_NAME}.
     */
    public void erase(Clock clock) {
        this.name = ERASED_NAME;
        this.notes = null;
        this.handler = null;
        this.vip = false;
        if (erasedAt == null) {
            this.erasedAt = OffsetDateTime.now(clock);
        }
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /** A key customer (重点客户) has a named handler who gets their new cases. */
    public boolean isKeyCustomer() {
        return handler != null;
    }

    public Long id() {
        return id;
    }

    public String key() {
        return key;
    }

    public CustomerKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public Confidentiality confidentiality() {
        return confidentiality;
    }

    public boolean vip() {
        return vip;
    }

    public String handler() {
        return handler;
    }

    public String notes() {
        return notes;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** The version staff saw when they opened the record: an edit against an older one is a conflict. */
    public long version() {
        return version;
    }
}
