/** Pairing: one-time codes a merchant creates in the portal and a device redeems with its public key. */
package id.lapak.device.pairing;
