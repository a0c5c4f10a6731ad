package io.kefu.workspace.entity;

import io.kefu.i18n.LocalizedName;
import io.kefu.problem.KefuException;
import io.kefu.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A piece of a tenant's workspace configuration that cases refer to by its code: a department, a category,
 * later deadlines and phrases. Named in both languages, retired rather than deleted (closed cases keep
 * pointing at it), versioned so two admins editing it at once do not overwrite each other.
 */
@MappedSuperclass
public abstract class WorkspaceItem extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, updatable = false, length = Code.MAX_LENGTH)
    private String code;

    @Embedded
    private LocalizedName name;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected WorkspaceItem() {
        // for JPA
    }

    protected WorkspaceItem(Code code, LocalizedName name) {
        this.code = code.value();
        this.name = name;
        this.active = true;
    }

    public void rename(LocalizedName name) {
        this.name = name;
    }

    /**
     * Renames the item as the editor saw it: if it changed since they loaded {@code seenVersion}, their edit
     * would silently overwrite somebody else's, so it is refused instead.
     */
    public void rename(LocalizedName name, long seenVersion) {
        if (version != seenVersion) {
            throw KefuException.conflict("concurrent.change");
        }
        rename(name);
    }

    public void retire() {
        this.active = false;
    }

    public Long id() {
        return id;
    }

    public Code code() {
        return new Code(code);
    }

    public LocalizedName name() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public long version() {
        return version;
    }
}
