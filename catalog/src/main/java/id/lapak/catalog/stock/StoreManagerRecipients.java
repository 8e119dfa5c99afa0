package id.lapak.catalog.stock;

import id.lapak.catalog.mail.StoreAlertRecipients;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A store's alert e-mails go to its managers, as the {@link StoreManagerDirectory} knows them at sending time. */
@Component
class StoreManagerRecipients implements StoreAlertRecipients {

    private final StoreManagerDirectory directory;

    StoreManagerRecipients(StoreManagerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<String> of(UUID tenantId, UUID storeId) {
        return directory.managerEmails(tenantId, storeId);
    }
}
