/** The {@code lapak-device} command line: a person (or a script) driving one simulated device. */
package id.lapak.simulator.cli;
