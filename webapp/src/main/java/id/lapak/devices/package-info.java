/** The Devices pages: the device list and pairing, one device's details and actions, and the device settings layers. */
package id.lapak.devices;
