package id.lapak.catalog.items;

import java.util.List;
import java.util.UUID;

/** An item with its variants as entered; a null tax category means the tenant's standard (PPN) category. */
public record ItemForm(String name, String description, UUID categoryId, UUID taxCategoryId, String unit,
                       boolean active, List<VariantForm> variants) {

    public ItemForm {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }
}
