package id.lapak.catalog.items;

import java.util.List;
import java.util.UUID;

/** An item with its variants as entered; a null tax category means the tenant's standard (PPN) category. */
public record ItemForm(
        String name,
        String description,
        UUID categoryId,
        UUID taxCategoryId,
        String unit,
        boolean active,
        List<VariantForm> variants) {

    /** The longest texts the catalog keeps, in characters (the form says them; {@code ItemRules} enforces them). */
    public static final int NAME_MAX = 120;

    public static final int DESCRIPTION_MAX = 1000;
    public static final int UNIT_MAX = 20;
    public static final int VARIANT_NAME_MAX = 80;

    public ItemForm {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }
}
