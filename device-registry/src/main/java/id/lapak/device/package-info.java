/**
 * The device registry: mPOS devices (a phone or tablet with a card reader) of a tenant, their lifecycle and
 * timeline. This package's public types are the registry's API; the entity stays inside.
 */
package id.lapak.device;
