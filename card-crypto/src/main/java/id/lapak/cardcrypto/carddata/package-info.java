/**
 * Card data as a reader sends it for a payment: PAN, expiry and optional track 2 equivalent data in a small
 * tag-length-value layout, encrypted in CBC mode with the DUKPT data-encryption key of the transaction's KSN.
 * The format is described in {@link id.lapak.cardcrypto.carddata.CardDataCipher} and docs/device-api.md.
 */
package id.lapak.cardcrypto.carddata;
