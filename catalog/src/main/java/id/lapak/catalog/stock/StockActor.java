package id.lapak.catalog.stock;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import java.util.UUID;

/** Who caused a movement: a person in the portal, a device selling, or the system. */
record StockActor(String kind, String id, String name, UUID deviceId) {

    static StockActor currentPerson() {
        LapakUser user = CurrentUser.require();
        return new StockActor("PERSON", user.subject(), user.displayName(), null);
    }

    static StockActor sale(UUID deviceId) {
        return deviceId == null
                ? new StockActor("SYSTEM", "sale", "sale", null)
                : new StockActor("DEVICE", deviceId.toString(), "device", deviceId);
    }
}
