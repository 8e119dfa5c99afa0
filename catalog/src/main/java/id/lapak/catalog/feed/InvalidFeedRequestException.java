package id.lapak.catalog.feed;

/** A feed request the server cannot answer as asked (a malformed cursor, a page size out of range). */
class InvalidFeedRequestException extends RuntimeException {

    InvalidFeedRequestException(String message) {
        super(message);
    }
}
