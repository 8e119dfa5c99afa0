/** The product catalog: items, variants, prices, categories, tax categories, per-store overrides and images. */
package id.lapak.catalog.items;
