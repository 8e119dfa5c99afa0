/**
 * DUKPT key derivation for card readers: TDES DUKPT per ANSI X9.24-1:2009 ({@link id.lapak.cardcrypto.dukpt.TdesDukpt})
 * and AES DUKPT per ANSI X9.24-3-2017 ({@link id.lapak.cardcrypto.dukpt.AesDukpt}), with their key serial numbers
 * and the counter rules that say which transactions a reader may still run.
 */
package id.lapak.cardcrypto.dukpt;
