/** Portal inventory screens: stock by store, movements, transfers, counts and low-stock alerts. */
package id.lapak.inventory;
