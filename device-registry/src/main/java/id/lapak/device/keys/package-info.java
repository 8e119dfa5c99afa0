/** Reader keys: the tenants' DUKPT base derivation keys, initial key ID allocation and delivery to readers. */
package id.lapak.device.keys;
