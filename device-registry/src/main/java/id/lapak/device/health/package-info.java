/**
 * Device health: the per-minute check that raises and clears fleet alerts (offline, outdated app, low battery),
 * each tenant's alert thresholds, and the open alerts as the portal shows and acknowledges them.
 */
package id.lapak.device.health;
