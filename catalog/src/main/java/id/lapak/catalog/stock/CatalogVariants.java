package id.lapak.catalog.stock;

import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.VariantSummary;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What stock needs from the catalog, through its public read API: whether a variant exists in the current tenant
 * (deleted variants still count: a sale may name one), and its name and SKU for lists and e-mails.
 */
@Component
class CatalogVariants {

    record Label(String name, String sku) {}

    private final CatalogService catalog;

    CatalogVariants(CatalogService catalog) {
        this.catalog = catalog;
    }

    boolean known(UUID tenantId, UUID variantId) {
        return variantId != null && catalog.variants(List.of(variantId)).containsKey(variantId);
    }

    /** Which of {@code variantIds} the catalog knows, in one query. */
    Set<UUID> known(Collection<UUID> variantIds) {
        return variantIds.isEmpty()
                ? Set.of()
                : Set.copyOf(
                        catalog.variants(List.copyOf(new HashSet<>(variantIds))).keySet());
    }

    Map<UUID, Label> labels(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Label> labels = new HashMap<>();
        for (VariantSummary v :
                catalog.variants(List.copyOf(new HashSet<>(variantIds))).values()) {
            labels.put(v.variantId(), new Label(v.name(), v.sku()));
        }
        return labels;
    }
}
