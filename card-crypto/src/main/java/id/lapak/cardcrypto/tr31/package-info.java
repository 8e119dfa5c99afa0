/**
 * TR-31 (ANSI X9.143) key blocks, version D: AES key block protection with CMAC-derived encryption and
 * authentication keys, for delivering keys such as AES DUKPT initial keys to readers and between systems.
 */
package id.lapak.cardcrypto.tr31;
