package id.lapak.device.keys;

import java.time.Instant;

/**
 * One BDK version as the portal lists it: its check value, who created it and when, and how many readers hold
 * their newest key of the algorithm under it. No key material.
 */
public record BdkVersionSummary(
        ReaderKeyAlgorithm algorithm, int version, String kcv, Instant createdAt, String createdBy, long readers) {}
