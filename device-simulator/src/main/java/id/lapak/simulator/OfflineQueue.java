package id.lapak.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Payments a device took without a connection: encrypted at once, kept in the home with their device time, and sent
 * in the order taken when the connection is back (docs/device-api.md, "Offline payments").
 */
public final class OfflineQueue {

    private final DeviceClient client;

    OfflineQueue(DeviceClient client) {
        this.client = client;
    }

    /** Stores a payment taken offline (encrypted, with its device time) until {@link #upload()}. */
    public String store(PaymentDraft draft) {
        PaymentDraft offline = draft.offlineAt(
                draft.deviceTime() != null ? draft.deviceTime() : client.clock().instant());
        String json = client.paymentJson(offline);
        client.home().addOfflinePayment(json);
        return offline.idempotencyKey();
    }

    /** The result of uploading one stored offline payment: its answer, or the refusal that keeps it stored. */
    public record Upload(String idempotencyKey, PaymentReply reply, ApiException refusal) {}

    /**
     * Sends every stored offline payment in the order taken; each answered one (approved or declined) is removed
     * from the home, a refused or unsent one stays for the next upload.
     */
    public List<Upload> upload() {
        var uploads = new ArrayList<Upload>();
        for (String json : client.home().offlinePayments()) {
            String key = Json.text(Json.MAPPER.readTree(json), "idempotencyKey");
            try {
                PaymentReply reply = client.sendPayment(json);
                client.home().removeOfflinePayment(key);
                uploads.add(new Upload(key, reply, null));
            } catch (ApiException e) {
                uploads.add(new Upload(key, null, e));
            }
        }
        return uploads;
    }
}
