package id.lapak.device.health;

import java.util.UUID;

/** No open alert with that id that this person may see (it may have cleared meanwhile). */
public class AlertNotFoundException extends RuntimeException {

    public AlertNotFoundException(UUID id) {
        super("No open alert " + id);
    }
}
