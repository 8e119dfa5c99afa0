package id.lapak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.CatalogVersions;
import id.lapak.catalog.items.PriceService;
import id.lapak.catalog.items.TaxCategoryService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.CatalogSync;
import id.lapak.simulator.DeviceClient;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.SameSecurityContextStrategy;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog sync benchmark (bench/catalog-sync.sh; not part of the test suite, its name ends in Bench): a tenant
 * with 300,000 variants, a device that syncs it all over HTTP, then 100 price changes and a delta sync. Prints the
 * figures; fails when a target is missed (full sync ≤ 10 s, delta ≤ 100 ms).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
class CatalogSyncBench {

    static final int ITEMS = Integer.getInteger("bench.items", 100_000);
    static final int PAGE = Integer.getInteger("bench.page", 10_000);

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PairingCodes codes;

    @Autowired
    CatalogService catalog;

    @Autowired
    PriceService priceService;

    @Autowired
    TaxCategoryService taxService;

    @Autowired
    CatalogVersions versions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void fullSyncOf300000VariantsAndADeltaAfter100PriceChanges() throws Exception {
        Merchant merchant = TestMerchants.create(tenants, stores, "Bench");
        UUID tax = TestUsers.as(
                merchant.admin(), () -> taxService.taxCategories().getFirst().id());
        long seedStart = System.nanoTime();
        TenantContext.runAs(
                merchant.tenant(),
                () -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                    long version = versions.next();
                    jdbc.sql("""
                            insert into catalog_item (tenant_id, id, name, tax_category_id, unit, active,
                                                      catalog_version, created_at, updated_at)
                            select ?, gen_random_uuid(), 'Item ' || g, ?, 'pcs', true, ?, now(), now()
                            from generate_series(1, ?) g""").params(merchant.tenant(), tax, version, ITEMS).update();
                    jdbc.sql("""
                            insert into catalog_variant (tenant_id, id, item_id, name, sku, barcode, price_minor,
                                                         position, active, catalog_version, created_at, updated_at)
                            select i.tenant_id, gen_random_uuid(), i.id, s.size,
                                   'BN' || substring(i.name from 6) || '-' || s.size,
                                   '899' || lpad((substring(i.name from 6)::bigint * 3 + s.pos)::text, 10, '0'),
                                   1000 * (1 + (substring(i.name from 6)::bigint % 200)) + 500 * s.pos,
                                   s.pos, true, ?, now(), now()
                            from catalog_item i
                            cross join (values ('S', 0), ('M', 1), ('L', 2)) as s(size, pos)
                            where i.tenant_id = ?""").params(version, merchant.tenant()).update();
                }));
        jdbc.sql("analyze catalog_item").update();
        jdbc.sql("analyze catalog_variant").update();
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        long variants = TenantContext.callAs(
                merchant.tenant(),
                () -> new TransactionTemplate(transactions)
                        .execute(s -> jdbc.sql("select count(*) from catalog_variant")
                                .query(Long.class)
                                .single()));
        System.out.printf("BENCH seeded %d items, %d variants in %d ms%n", ITEMS, variants, seedMillis);

        DeviceClient device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
        device.accessToken();
        CatalogSync full = device.catalog().sync("0", PAGE, change -> {});
        System.out.printf(
                "BENCH full sync (cold): %d changes, %d pages of %d, %d ms%n",
                full.changes(), full.pages(), PAGE, full.millis());
        CatalogSync warm = device.catalog().sync("0", PAGE, change -> {});
        System.out.printf(
                "BENCH full sync (warm): %d changes, %d pages of %d, %d ms%n",
                warm.changes(), warm.pages(), PAGE, warm.millis());

        Random random = new Random(42);
        List<UUID> changed = new ArrayList<>();
        List<UUID> sample = TenantContext.callAs(
                merchant.tenant(),
                () -> new TransactionTemplate(transactions)
                        .execute(s -> jdbc.sql("select id from catalog_variant tablesample system (1) limit 100")
                                .query(UUID.class)
                                .list()));
        long changeStart = System.nanoTime();
        for (UUID id : sample) {
            TestUsers.as(merchant.admin(), () -> priceService.changePrice(id, 100 * (1 + random.nextInt(10_000))));
            changed.add(id);
        }
        long changeMillis = (System.nanoTime() - changeStart) / 1_000_000;
        System.out.printf("BENCH %d price changes through the service in %d ms%n", changed.size(), changeMillis);

        CatalogSync delta = null;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            delta = device.catalog().sync(warm.version(), PAGE, change -> {});
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
            System.out.printf(
                    "BENCH delta sync %d: %d changes, %d pages, %d ms%n",
                    i + 1, delta.changes(), delta.pages(), delta.millis());
        }
        assertThat(variants).isEqualTo(3L * ITEMS);
        assertThat(full.changes()).isEqualTo(variants + ITEMS + 2);
        assertThat(delta.changes()).isEqualTo(changed.size());
        assertThat(full.millis()).as("full sync ms").isLessThanOrEqualTo(10_000);
        assertThat(best).as("delta sync ms").isLessThanOrEqualTo(100);
    }
}
