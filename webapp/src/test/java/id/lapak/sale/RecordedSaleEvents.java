package id.lapak.sale;

import id.lapak.tenant.sale.SaleCompleted;
import id.lapak.tenant.sale.SaleRefunded;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Collects the sale events as the inventory side receives them (in the sale's transaction), and refuses a sale
 * with a line described {@link #REFUSED_DESCRIPTION} as a failing stock listener would. Shared by the payment tests, so they share one
 * application context.
 */
@TestConfiguration
public class RecordedSaleEvents {

    public static final List<Object> RECEIVED = new CopyOnWriteArrayList<>();
    public static final String REFUSED_DESCRIPTION = "refused by the stock side";

    @EventListener
    void completed(SaleCompleted event) {
        if (event.lines().stream().anyMatch(l -> REFUSED_DESCRIPTION.equals(l.description()))) {
            throw new IllegalStateException("stock refused the sale");
        }
        RECEIVED.add(event);
    }

    @EventListener
    void refunded(SaleRefunded event) {
        RECEIVED.add(event);
    }
}
