/** The inventory screens: the item catalog with its variants and prices, import and export. */
package id.lapak.inventory;
