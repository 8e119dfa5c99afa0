/** The portal's list of open device alerts, where managers acknowledge them. */
package id.lapak.alerts;
