/** Portal stock screens (under Inventory): stock by store, movements, transfers, counts and low-stock alerts. */
package id.lapak.stock;
