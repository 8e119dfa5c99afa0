package id.lapak.catalog.items;

/** How a tax category is taxed: at the store's rate (PPN), not at all, or at its own rate. */
public enum TaxKind {
    STANDARD,
    EXEMPT,
    CUSTOM
}
