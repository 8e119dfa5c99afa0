package id.lapak.catalog.feed;

/** What a change in the feed is about; the ordinal orders changes of the same version and id. */
enum FeedKind {
    TAX_CATEGORY("taxCategory"),
    CATEGORY("category"),
    ITEM("item"),
    VARIANT("variant"),
    STORE_VARIANT("storeVariant");

    final String wireName;

    FeedKind(String wireName) {
        this.wireName = wireName;
    }
}
