package io.kefu.handover.entity;

import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A person's shift: set by the tenant admin, or picked by the staff member themselves when the admin gave them none
 * ({@link #picked()}). One shift per person.
 */
@Entity
@Table(name = "shift_member")
@NamedQuery(name = ShiftMember.ALL, query = "SELECT m FROM ShiftMember m ORDER BY m.username")
@NamedQuery(name = ShiftMember.OF_USER, query = "SELECT m FROM ShiftMember m WHERE m.username = :username")
@NamedQuery(name = ShiftMember.DELETE_ALL, query = "DELETE FROM ShiftMember m")
public class ShiftMember extends TenantOwned {

    public static final String ALL = "ShiftMember.all";
    public static final String OF_USER = "ShiftMember.ofUser";
    public static final String DELETE_ALL = "ShiftMember.deleteAll";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "shift_id", nullable = false)
    private Shift shift;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    @Column(name = "picked", nullable = false)
    private boolean picked;

    protected ShiftMember() {
        // for JPA
    }

    public ShiftMember(Shift shift, String username, boolean picked) {
        this.shift = shift;
        this.username = username;
        this.picked = picked;
    }

    public Shift shift() {
        return shift;
    }

    public String username() {
        return username;
    }

    public boolean picked() {
        return picked;
    }
}
