package id.lapak.catalog.items;

import java.math.BigDecimal;
import java.util.UUID;

/** A tax category; {@code rate} is set only for {@link TaxKind#CUSTOM}. */
public record TaxCategoryDetails(UUID id, String name, TaxKind kind, BigDecimal rate) {

    /** The rate that applies in a store with {@code storeRate} as its standard (PPN) rate. */
    public BigDecimal effectiveRate(BigDecimal storeRate) {
        return switch (kind) {
            case STANDARD -> storeRate;
            case EXEMPT -> BigDecimal.ZERO;
            case CUSTOM -> rate;
        };
    }
}
