package id.lapak.tenant;

import java.util.UUID;

/** A tenant was deleted: its identities (Keycloak group and users) are removed by whoever keeps them. */
public record TenantOffboarded(UUID tenantId, String name) {
}
