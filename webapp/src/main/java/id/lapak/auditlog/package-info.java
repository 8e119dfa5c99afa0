/** The audit log pages (merchant admins: their tenant; support: every tenant and the chain check) and the actuator check. */
package id.lapak.auditlog;
