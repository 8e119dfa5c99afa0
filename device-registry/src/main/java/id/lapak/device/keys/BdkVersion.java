package id.lapak.device.keys;

import java.time.Instant;

/**
 * One version of a tenant's base derivation key, described without its key: the 4-byte BDK ID that leads every
 * initial key ID or KSN under it (hex) and its check value (hex).
 */
public record BdkVersion(ReaderKeyAlgorithm algorithm, int version, String bdkId, String kcv, Instant createdAt) {}
