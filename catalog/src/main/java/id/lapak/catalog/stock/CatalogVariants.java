package id.lapak.catalog.stock;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** What stock needs from the catalog: whether a variant exists, and its name and SKU for lists and e-mails. */
@Component
class CatalogVariants {

    record Label(String name, String sku) {
    }

    boolean known(UUID tenantId, UUID variantId) {
        return variantId != null;
    }

    Map<UUID, Label> labels(Collection<UUID> variantIds) {
        return Map.of();
    }
}
