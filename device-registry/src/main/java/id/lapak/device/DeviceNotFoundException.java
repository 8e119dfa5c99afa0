package id.lapak.device;

import java.util.UUID;

/** No such device for the current tenant: another tenant's device is indistinguishable from none. */
public class DeviceNotFoundException extends RuntimeException {

    public DeviceNotFoundException(UUID id) {
        super("Device not found: " + id);
    }
}
