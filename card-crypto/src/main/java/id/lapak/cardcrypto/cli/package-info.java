/** The operators' command line, {@code bin/lapak-keys}: derive, check and unwrap reader keys from hex. */
package id.lapak.cardcrypto.cli;
