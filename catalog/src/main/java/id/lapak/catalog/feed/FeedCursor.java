package id.lapak.catalog.feed;

import java.util.UUID;

/**
 * Where a device is in the feed: every change up to {@code version} (and, within that version, every change up to
 * {@code id} and {@code kind}) has been delivered. Written as {@code 123} or {@code 123.<uuid>.<kind>}.
 */
record FeedCursor(long version, UUID id, int kind) {

    static final UUID FIRST = new UUID(0, 0);
    static final int AFTER_ALL_KINDS = Integer.MAX_VALUE;

    /** Everything of {@code version} and before. */
    static FeedCursor after(long version) {
        return new FeedCursor(version, null, AFTER_ALL_KINDS);
    }

    static FeedCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return after(0);
        }
        String[] parts = text.strip().split("\\.");
        try {
            long version = Long.parseLong(parts[0]);
            if (version < 0) {
                throw new IllegalArgumentException("since must not be negative");
            }
            if (parts.length == 1) {
                return after(version);
            }
            if (parts.length == 3) {
                int kind = Integer.parseInt(parts[2]);
                if (kind < 0 || kind >= FeedKind.values().length) {
                    throw new IllegalArgumentException("since has an unknown kind");
                }
                return new FeedCursor(version, UUID.fromString(parts[1]), kind);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidFeedRequestException("since is a catalog version or the next token of a page");
        }
        throw new InvalidFeedRequestException("since is a catalog version or the next token of a page");
    }

    /** True when the change at (version, id, kind) comes after this cursor. */
    boolean before(long otherVersion, UUID otherId, int otherKind) {
        if (otherVersion != version) {
            return otherVersion > version;
        }
        if (id == null) {
            return false;
        }
        int byId = compare(otherId, id);
        return byId != 0 ? byId > 0 : otherKind > kind;
    }

    /** The same order as PostgreSQL's uuid comparison (unsigned, byte by byte). */
    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** The (version, id) from which a query must read, inclusive. */
    long fromVersion() {
        return id == null ? version + 1 : version;
    }

    UUID fromId() {
        return id == null ? FIRST : id;
    }

    String token() {
        return id == null ? Long.toString(version) : version + "." + id + "." + kind;
    }
}
