package id.lapak.catalog.stock;

/** Why stock moved. The sign of a movement's quantity says the direction; the kind says the cause. */
public enum MovementKind {
    SALE,
    REFUND,
    RECEIPT,
    ADJUSTMENT,
    COUNT,
    TRANSFER_OUT,
    TRANSFER_IN
}
