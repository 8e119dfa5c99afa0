package id.lapak.device.keys;

import java.time.Instant;

/** The newest initial key delivered to a device, as its configuration shows it (no key material). */
public record InjectedReaderKey(
        ReaderKeyAlgorithm algorithm, int bdkVersion, String initialKeyId, String readerSerial, Instant injectedAt) {}
