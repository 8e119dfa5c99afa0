package id.lapak.catalog.stock;

/** Why a person adjusted stock by hand; the portal translates each one, a note can say more. */
public enum AdjustmentReason {
    DAMAGED,
    EXPIRED,
    LOST,
    THEFT,
    FOUND,
    CORRECTION,
    OTHER
}
