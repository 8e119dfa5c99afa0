package id.lapak.simulator;

import id.lapak.cardcrypto.KeyBytes;

/** A transaction's data-encryption key and the KSN the reader sends with the data (hex). */
public record WorkingKey(String ksn, KeyBytes key) {}
