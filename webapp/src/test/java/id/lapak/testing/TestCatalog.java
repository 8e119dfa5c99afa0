package id.lapak.testing;

import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.ItemForm;
import id.lapak.catalog.items.VariantForm;
import id.lapak.tenant.access.LapakUser;
import java.util.List;
import java.util.UUID;

/** Real catalog variants for stock tests: stock rows reference the catalog by foreign key. */
public final class TestCatalog {

    private TestCatalog() {}

    /** One new item with one variant; returns the variant's id. Call outside any other {@code TestUsers.as}. */
    public static UUID variant(CatalogService catalog, LapakUser admin, String name) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        return TestUsers.as(
                        admin,
                        () -> catalog.create(new ItemForm(
                                name,
                                null,
                                null,
                                null,
                                "pcs",
                                true,
                                List.of(new VariantForm(null, "Standar", sku, null, 10_000, null, true)))))
                .variants()
                .getFirst()
                .id();
    }
}
