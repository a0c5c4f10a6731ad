package io.kefu.identity.boundary;

import io.kefu.identity.entity.Role;
import io.kefu.tenancy.entity.TenantRef;

/** One role a person holds in one tenant: where they may work and as what. */
public record Workplace(TenantRef tenant, Role role) {
}
