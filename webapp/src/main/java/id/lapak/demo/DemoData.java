package id.lapak.demo;

import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.billing.subscription.BillingRun;
import id.lapak.tenant.NewTenant;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.store.DemoStores;
import id.lapak.tenant.store.StoreForm;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates the demo tenants "Toko Maju" and "Kopi Sejahtera" with their stores if they are missing. The ids are
 * fixed because the demo users in the realm file carry them in their {@code tenant_id} and {@code store_ids}.
 * Dev-only: off unless {@code lapak.demo.enabled} is true.
 */
@Component
@ConditionalOnProperty(name = "lapak.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final UUID TOKO_MAJU = UUID.fromString("0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c01");
    static final UUID KOPI_SEJAHTERA = UUID.fromString("0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c02");
    static final UUID MAJU_PUSAT = UUID.fromString("5d1e2a40-8c3b-4f6a-b7e9-1a2b3c4d5e01");
    static final UUID MAJU_BANDUNG = UUID.fromString("5d1e2a40-8c3b-4f6a-b7e9-1a2b3c4d5e02");
    static final UUID SEJAHTERA_YOGYAKARTA = UUID.fromString("5d1e2a40-8c3b-4f6a-b7e9-1a2b3c4d5e03");

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Currency IDR = Currency.getInstance("IDR");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final TenantDirectory tenants;
    private final DemoStores stores;
    private final DemoSettlement settlement;
    private final DemoBilling billing;
    private final Clock clock;

    DemoData(
            TenantDirectory tenants,
            DemoStores stores,
            PlatformAccess platform,
            JdbcClient jdbc,
            SettlementCloser closer,
            BillingRun billingRun,
            Clock clock) {
        this.tenants = tenants;
        this.stores = stores;
        this.settlement = new DemoSettlement(platform, jdbc, closer);
        this.billing = new DemoBilling(platform, jdbc, billingRun);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        tenants.createIfMissing(
                new NewTenant(TOKO_MAJU, "Toko Maju", "PT Toko Maju Sentosa", "ID", IDR, JAKARTA), "demo data");
        tenants.createIfMissing(
                new NewTenant(KOPI_SEJAHTERA, "Kopi Sejahtera", "CV Kopi Sejahtera Abadi", "ID", IDR, JAKARTA),
                "demo data");
        stores.createIfMissing(
                TOKO_MAJU,
                MAJU_PUSAT,
                new StoreForm(
                        "Maju Pusat",
                        "Jl. Gajah Mada No. 12",
                        "Jakarta",
                        JAKARTA,
                        IDR,
                        true,
                        new BigDecimal("11.00"),
                        true));
        stores.createIfMissing(
                TOKO_MAJU,
                MAJU_BANDUNG,
                new StoreForm(
                        "Maju Cabang Bandung",
                        "Jl. Braga No. 45",
                        "Bandung",
                        JAKARTA,
                        IDR,
                        true,
                        new BigDecimal("11.00"),
                        true));
        stores.createIfMissing(
                KOPI_SEJAHTERA,
                SEJAHTERA_YOGYAKARTA,
                new StoreForm(
                        "Sejahtera Yogyakarta",
                        "Jl. Malioboro No. 7",
                        "Yogyakarta",
                        JAKARTA,
                        IDR,
                        false,
                        BigDecimal.ZERO,
                        true));
        try {
            settlement.seed(TOKO_MAJU, List.of(MAJU_PUSAT, MAJU_BANDUNG), clock.instant());
            settlement.seed(KOPI_SEJAHTERA, List.of(SEJAHTERA_YOGYAKARTA), clock.instant());
        } catch (RuntimeException e) {
            // The demo tenants stay usable without settled days; the log says why they have none.
            log.warn("Demo data: the settled demo days could not be written ({})", e.toString());
        }
        try {
            billing.seed(TOKO_MAJU, "GROWTH", clock.instant());
            billing.seed(KOPI_SEJAHTERA, "STARTER", clock.instant());
        } catch (RuntimeException e) {
            log.warn("Demo data: the demo plans and invoices could not be written ({})", e.toString());
        }
    }
}
