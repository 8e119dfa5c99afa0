package id.lapak.simulator;

/** The last configuration the server sent, with the ETag that lets the device ask "has it changed?". */
public record CachedConfig(long version, String etag, String json) {}
