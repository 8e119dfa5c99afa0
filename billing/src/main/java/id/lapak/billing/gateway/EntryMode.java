package id.lapak.billing.gateway;

/** How the card was read. */
public enum EntryMode {
    CHIP,
    CONTACTLESS,
    SWIPE
}
