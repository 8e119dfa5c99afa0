package id.lapak.device.health;

/** What a device health alert is about; at most one alert of each kind is open per device. */
public enum AlertKind {
    OFFLINE,
    APP_OUTDATED,
    BATTERY_LOW
}
