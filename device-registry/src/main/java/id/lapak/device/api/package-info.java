/** The HTTP API devices call: pairing, token exchange, configuration and heartbeats. */
package id.lapak.device.api;
