package id.lapak.device.keys;

import java.time.Instant;
import java.util.UUID;

/** A reader whose newest key of the algorithm comes from a BDK version older than the newest; it needs re-keying. */
public record ReaderOnOlderKey(
        UUID deviceId,
        String deviceName,
        String readerSerial,
        ReaderKeyAlgorithm algorithm,
        int bdkVersion,
        Instant injectedAt) {}
