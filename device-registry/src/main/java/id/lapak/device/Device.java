package id.lapak.device;

import id.lapak.tenant.context.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "device")
class Device extends TenantScopedEntity {

    @Id
    private UUID id;

    @Column(name = "store_id", nullable = false)
    private UUID storeId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeviceStatus status;

    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;

    private String model;

    @Column(name = "serial_number")
    private String serialNumber;

    @Column(name = "os_version")
    private String osVersion;

    @Column(name = "app_version")
    private String appVersion;

    @Column(name = "reader_model")
    private String readerModel;

    @Column(name = "reader_serial")
    private String readerSerial;

    @Column(name = "reader_firmware")
    private String readerFirmware;

    @Column(name = "battery_percent")
    private Integer batteryPercent;

    private Boolean charging;
    private String connectivity;

    @Column(name = "signal_strength")
    private Integer signalStrength;

    @Column(name = "pending_uploads")
    private Integer pendingUploads;

    @Column(name = "device_clock")
    private Instant deviceClock;

    @Column(name = "paired_at", nullable = false)
    private Instant pairedAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "config_changed_at", nullable = false)
    private Instant configChangedAt;

    @Version
    private long version;

    protected Device() {}

    Device(UUID id, UUID storeId, String name, byte[] publicKey, DeviceFacts facts, Instant now) {
        this.id = id;
        this.storeId = storeId;
        this.name = name;
        this.status = DeviceStatus.ACTIVE;
        this.publicKey = publicKey.clone();
        this.model = facts.model();
        this.serialNumber = facts.serialNumber();
        this.osVersion = facts.osVersion();
        this.appVersion = facts.appVersion();
        this.readerModel = facts.readerModel();
        this.readerSerial = facts.readerSerial();
        this.pairedAt = now;
        this.lastSeenAt = now;
        this.configChangedAt = now;
    }

    void rename(String newName, Instant now) {
        requireNotRetired();
        this.name = newName;
        this.configChangedAt = now;
    }

    void moveTo(UUID newStoreId, Instant now) {
        requireNotRetired();
        this.storeId = newStoreId;
        this.configChangedAt = now;
    }

    /** Revoking is for a lost or stolen device: it can never authenticate again. */
    void revoke(String reason, Instant now) {
        if (status != DeviceStatus.ACTIVE) {
            throw new DeviceStateException("Only an active device can be revoked; this one is " + status);
        }
        status = DeviceStatus.REVOKED;
        statusReason = reason;
        statusChangedAt = now;
    }

    void retire(String reason, Instant now) {
        if (status == DeviceStatus.RETIRED) {
            throw new DeviceStateException("The device is already retired");
        }
        status = DeviceStatus.RETIRED;
        statusReason = reason;
        statusChangedAt = now;
    }

    void record(Heartbeat heartbeat, Instant now) {
        batteryPercent = heartbeat.batteryPercent();
        charging = heartbeat.charging();
        if (heartbeat.appVersion() != null) {
            appVersion = heartbeat.appVersion();
        }
        if (heartbeat.readerFirmware() != null) {
            readerFirmware = heartbeat.readerFirmware();
        }
        connectivity = heartbeat.connectivity() == null
                ? null
                : heartbeat.connectivity().name();
        signalStrength = heartbeat.signalStrength();
        pendingUploads = heartbeat.pendingUploads();
        deviceClock = heartbeat.deviceTime();
        lastSeenAt = now;
    }

    private void requireNotRetired() {
        if (status == DeviceStatus.RETIRED) {
            throw new DeviceStateException("A retired device cannot be changed");
        }
    }

    UUID getId() {
        return id;
    }

    UUID getStoreId() {
        return storeId;
    }

    DeviceStatus getStatus() {
        return status;
    }

    byte[] getPublicKey() {
        return publicKey.clone();
    }

    DeviceDetails details() {
        return new DeviceDetails(
                id,
                getTenantId(),
                storeId,
                name,
                status,
                model,
                serialNumber,
                osVersion,
                appVersion,
                readerModel,
                readerSerial,
                readerFirmware,
                batteryPercent,
                charging,
                connectivity,
                signalStrength,
                pendingUploads,
                deviceClock,
                pairedAt,
                lastSeenAt,
                statusReason,
                statusChangedAt,
                configChangedAt,
                version);
    }
}
