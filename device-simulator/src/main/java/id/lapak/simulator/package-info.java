/**
 * A Lapak device as a library: pairing, signed token assertions, configuration and heartbeats over plain HTTP,
 * with its state kept in a {@link id.lapak.simulator.DeviceHome} folder.
 */
package id.lapak.simulator;
