/**
 * Device configuration in layers: platform defaults, then tenant, store and device overrides. Each value of the
 * effective configuration knows which layer it came from.
 */
package id.lapak.device.config;
