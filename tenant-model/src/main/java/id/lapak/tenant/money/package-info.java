/**
 * Money: one amount type for every module (integer minor units with their currency), the minor unit of each
 * currency decided once, formatting and parsing per locale, and the rounding rule for rates.
 */
package id.lapak.tenant.money;
