package id.lapak.device.config;

import java.time.Instant;
import java.util.UUID;

/**
 * Where the configuration document's {@code catalog.version} comes from. The catalog module implements it (this
 * module must not depend on the catalog); with no implementation the version is 0. An implementation must signal
 * {@code DeviceChanges.tenantChanged} with every change of the version, so cached configuration documents are
 * dropped and the device sees a new ETag.
 */
public interface CatalogVersionSource {

    /** A tenant's catalog version and when it last changed ({@code null}: never). */
    record CatalogVersion(long version, Instant changedAt) {}

    /** Called inside the device's tenant context and a read transaction. */
    CatalogVersion current(UUID tenantId);
}
