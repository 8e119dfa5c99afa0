package id.lapak.catalog.feed;

/** The device claims a version the catalog never had (a restored database, another tenant's cursor). */
class FeedAheadException extends RuntimeException {

    FeedAheadException(long asked, long current) {
        super("since " + asked + " is ahead of the catalog version " + current + "; sync from 0");
    }
}
