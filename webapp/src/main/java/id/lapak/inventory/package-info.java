/**
 * The inventory screens: the item catalog with its variants and prices, per-store prices, tax categories, import
 * and export.
 */
package id.lapak.inventory;
