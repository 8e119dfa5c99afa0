package id.lapak.simulator;

/**
 * A configuration pull: {@code status} 200 (new body, stored) or 304 (unchanged; {@code json} is the cached body,
 * or null when nothing was cached). {@code version} is -1 when unknown.
 */
public record ConfigResult(int status, long version, String etag, String json) {

    public boolean notModified() {
        return status == 304;
    }
}
