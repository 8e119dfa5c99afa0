/**
 * Card-reader key cryptography on plain JCA, shared by the server, the device simulator and the operators' command
 * line: key bytes that can be wiped ({@link id.lapak.cardcrypto.KeyBytes}), check values, CMAC and the per-thread
 * block ciphers the derivations run on. DUKPT lives in {@code dukpt}, TR-31 key blocks in {@code tr31}.
 */
package id.lapak.cardcrypto;
