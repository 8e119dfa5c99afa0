/**
 * Device authentication: a signed assertion (ES256, the device's own key) buys a short-lived access token (HMAC,
 * checked in memory); every other request carries that token and is refused the moment its device is revoked.
 */
package id.lapak.device.auth;
