package id.lapak.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.CategoryDetails;
import id.lapak.catalog.items.CategoryService;
import id.lapak.catalog.items.ItemDetails;
import id.lapak.catalog.items.ItemForm;
import id.lapak.catalog.items.ItemImageService;
import id.lapak.catalog.items.PriceService;
import id.lapak.catalog.items.VariantDetails;
import id.lapak.catalog.items.VariantForm;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.simulator.ApiException;
import id.lapak.simulator.DeviceClient;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.SameSecurityContextStrategy;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog feed over real HTTP with the device simulator: random catalog changes, then a delta sync, and the
 * device's copy must equal the catalog of its store, every time; the configuration document carries the version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(SameSecurityContextStrategy.class)
class CatalogFeedIntegrationTest {

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
    ItemImageService imageService;

    @Autowired
    PriceService priceService;

    @Autowired
    CategoryService categoryService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    Merchant merchant;
    StoreDetails otherStore;
    DeviceClient device;

    @BeforeEach
    void pairedDevice() throws Exception {
        merchant = TestMerchants.create(tenants, stores, "Feed");
        otherStore = TestUsers.as(merchant.admin(), () -> stores.create(TestMerchants.store("Feed Cabang")));
        device = TestMerchants.pairSimulator(
                codes, merchant.admin(), merchant.store().id(), port);
    }

    /** The device's copy of the catalog, built only from the feed. */
    static final class DeviceCopy {
        final Map<String, Map<String, JsonNode>> byType = new HashMap<>();
        String version = "0";

        void apply(JsonNode change) {
            Map<String, JsonNode> rows =
                    byType.computeIfAbsent(change.path("type").asString(), t -> new HashMap<>());
            if (change.path("deleted").asBoolean(false)) {
                rows.remove(change.path("id").asString());
            } else {
                rows.put(change.path("id").asString(), change);
            }
        }

        Map<String, JsonNode> of(String type) {
            return byType.getOrDefault(type, Map.of());
        }
    }

    @Test
    void randomChangesThenDeltaSyncsKeepTheDeviceEqualToItsStoresCatalog() {
        Random random = new Random(20261125);
        DeviceCopy copy = new DeviceCopy();
        sync(copy, null);
        List<UUID> items = new ArrayList<>();
        List<UUID> categories = new ArrayList<>();
        int sku = 0;
        for (int round = 0; round < 8; round++) {
            for (int op = 0; op < 12; op++) {
                int choice = items.isEmpty() ? 0 : random.nextInt(8);
                final int base = sku;
                sku += 10;
                switch (choice) {
                    case 0, 1 -> {
                        UUID category = categories.isEmpty() || random.nextBoolean()
                                ? null
                                : categories.get(random.nextInt(categories.size()));
                        int variants = 1 + random.nextInt(3);
                        List<VariantForm> forms = new ArrayList<>();
                        for (int v = 0; v < variants; v++) {
                            forms.add(new VariantForm(
                                    null,
                                    "V" + v,
                                    "SKU-" + (base + v),
                                    random.nextBoolean() ? "89" + (1000 + base + v) : null,
                                    1000 * (1 + random.nextInt(50)),
                                    null,
                                    true));
                        }
                        ItemDetails created = admin(() ->
                                catalog.create(new ItemForm("Item " + base, null, category, null, "pcs", true, forms)));
                        items.add(created.id());
                    }
                    case 2 -> {
                        UUID id = items.get(random.nextInt(items.size()));
                        ItemDetails item = admin(() -> catalog.get(id));
                        List<VariantForm> forms = new ArrayList<>(item.toForm().variants());
                        if (forms.size() > 1 && random.nextBoolean()) {
                            forms.remove(random.nextInt(forms.size()));
                        } else {
                            forms.add(new VariantForm(null, "N" + base, "SKU-" + base, null, 500, null, true));
                        }
                        admin(() -> catalog.update(
                                id,
                                item.version(),
                                new ItemForm(
                                        item.name() + "*",
                                        null,
                                        item.categoryId(),
                                        item.taxCategoryId(),
                                        item.unit(),
                                        random.nextBoolean(),
                                        forms)));
                    }
                    case 3 -> {
                        UUID id = items.remove(random.nextInt(items.size()));
                        admin(() -> {
                            catalog.delete(id);
                            return null;
                        });
                    }
                    case 4, 5 -> {
                        VariantDetails variant = anyVariant(random, items);
                        admin(() -> priceService.changePrice(variant.id(), 100 * random.nextInt(1000)));
                    }
                    case 6 -> {
                        VariantDetails variant = anyVariant(random, items);
                        UUID store = random.nextBoolean() ? merchant.store().id() : otherStore.id();
                        Long price = random.nextBoolean() ? null : (long) random.nextInt(90_000);
                        boolean available = random.nextInt(3) > 0;
                        admin(() -> priceService.setStoreOverride(store, variant.id(), price, available));
                    }
                    default -> {
                        CategoryDetails category = admin(() -> categoryService.saveCategory(null, "Cat " + base, null));
                        categories.add(category.id());
                    }
                }
            }
            // Small pages make page boundaries fall inside one change's rows.
            sync(copy, round % 2 == 0 ? 3 : null);
            assertEqualsCatalog(copy);
        }
        String configVersion = device.config().json();
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(configVersion)
                        .path("catalog")
                        .path("version")
                        .asString())
                .isEqualTo(copy.version);
        // Nothing changed: a delta sync brings nothing and keeps the version.
        var again = device.catalog().sync(copy.version, null, change -> {});
        assertThat(again.changes()).isZero();
        assertThat(again.version()).isEqualTo(copy.version);
    }

    @Test
    void aFullSyncLeavesOutTombstonesAndAPriceChangeComesAsOneVariant() {
        ItemDetails kept = admin(() -> catalog.create(new ItemForm(
                "Teh",
                null,
                null,
                null,
                "gelas",
                true,
                List.of(new VariantForm(null, "", "TEH", null, 5000, null, true)))));
        ItemDetails gone = admin(() -> catalog.create(new ItemForm(
                "Kopi",
                null,
                null,
                null,
                "gelas",
                true,
                List.of(new VariantForm(null, "", "KOPI", null, 8000, null, true)))));
        admin(() -> {
            catalog.delete(gone.id());
            return null;
        });
        DeviceCopy copy = new DeviceCopy();
        var full = sync(copy, null);
        assertThat(full.deletions()).isZero();
        assertThat(copy.of("variant"))
                .containsOnlyKeys(kept.variants().getFirst().id().toString());
        assertThat(copy.of("taxCategory")).hasSize(2);

        admin(() -> priceService.changePrice(kept.variants().getFirst().id(), 6000));
        var delta = sync(copy, null);
        assertThat(delta.changes()).isEqualTo(1);
        assertThat(copy.of("variant")
                        .get(kept.variants().getFirst().id().toString())
                        .path("priceMinor")
                        .asLong())
                .isEqualTo(6000);
    }

    @Test
    void aCatalogChangeChangesTheConfigurationETagAndVersion() {
        var before = device.config(null);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(before.json())
                        .path("catalog")
                        .path("version")
                        .asLong())
                .isZero();
        admin(() -> catalog.create(new ItemForm(
                "Roti",
                null,
                null,
                null,
                "pcs",
                true,
                List.of(new VariantForm(null, "", "ROTI", null, 7000, null, true)))));
        var after = device.config(before.etag());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(after.json())
                        .path("catalog")
                        .path("version")
                        .asLong())
                .isPositive();
    }

    @Test
    void aMalformedOrFutureCursorIsAProblemNotAnError() {
        assertThatThrownBy(() -> device.catalog().page("abc", null))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    assertThat(((ApiException) e).status()).isEqualTo(400);
                    assertThat(((ApiException) e).reason()).isEqualTo("catalog_request_invalid");
                });
        assertThatThrownBy(() -> device.catalog().page("0", 0))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> device.catalog().page("999999", null))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    assertThat(((ApiException) e).status()).isEqualTo(409);
                    assertThat(((ApiException) e).reason()).isEqualTo("catalog_version_ahead");
                });
        var anonymous = device.send("GET", DeviceClient.CATALOG + "?since=0", null, null, Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void anItemsImageGoesToTheTenantsDevicesWithAnETagAndToNoOtherTenant() throws Exception {
        ItemDetails item = admin(() -> catalog.create(new ItemForm(
                "Kue",
                null,
                null,
                null,
                "pcs",
                true,
                List.of(new VariantForm(null, "", "KUE", null, 9000, null, true)))));
        ItemDetails plain = admin(() -> catalog.create(new ItemForm(
                "Air",
                null,
                null,
                null,
                "botol",
                true,
                List.of(new VariantForm(null, "", "AIR", null, 3000, null, true)))));
        byte[] png = new byte[300];
        new Random(7).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        admin(() -> {
            imageService.setImage(item.id(), png);
            return null;
        });

        DeviceCopy copy = new DeviceCopy();
        sync(copy, null);
        assertThat(copy.of("item").get(item.id().toString()).path("hasImage").asBoolean())
                .isTrue();
        assertThat(copy.of("item").get(plain.id().toString()).path("hasImage").asBoolean())
                .isFalse();

        var image = device.catalog().image(item.id(), null);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.data()).isEqualTo(png);
        assertThat(image.etag()).isNotBlank();
        assertThat(device.catalog().image(item.id(), image.etag()).status()).isEqualTo(304);

        // a new image: the item comes again in the feed and the old ETag no longer holds
        byte[] jpeg = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4};
        admin(() -> {
            imageService.setImage(item.id(), jpeg);
            return null;
        });
        assertThat(sync(copy, null).changes()).isEqualTo(1);
        var changed = device.catalog().image(item.id(), image.etag());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.contentType()).isEqualTo("image/jpeg");
        assertThat(changed.data()).isEqualTo(jpeg);

        assertThatThrownBy(() -> device.catalog().image(plain.id(), null))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    assertThat(((ApiException) e).status()).isEqualTo(404);
                    assertThat(((ApiException) e).reason()).isEqualTo("image_not_found");
                });
        var malformed = device.send(
                "GET",
                DeviceClient.CATALOG + "/items/not-a-uuid/image",
                null,
                device.accessToken(),
                Map.of("Accept", "application/problem+json"));
        assertThat(malformed.status()).isEqualTo(400);
        var anonymous =
                device.send("GET", DeviceClient.CATALOG + "/items/" + item.id() + "/image", null, null, Map.of());
        assertThat(anonymous.status()).isEqualTo(401);

        Merchant other = TestMerchants.create(tenants, stores, "Feed Lain");
        DeviceClient stranger =
                TestMerchants.pairSimulator(codes, other.admin(), other.store().id(), port);
        assertThatThrownBy(() -> stranger.catalog().image(item.id(), null))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));

        admin(() -> {
            catalog.delete(item.id());
            return null;
        });
        assertThatThrownBy(() -> device.catalog().image(item.id(), null))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
    }

    private id.lapak.simulator.CatalogSync sync(DeviceCopy copy, Integer limit) {
        var result = device.catalog().sync(copy.version, limit, copy::apply);
        copy.version = result.version();
        return result;
    }

    private VariantDetails anyVariant(Random random, List<UUID> items) {
        UUID id = items.get(random.nextInt(items.size()));
        List<VariantDetails> variants = admin(() -> catalog.get(id)).variants();
        return variants.get(random.nextInt(variants.size()));
    }

    /** The device's copy against the tables, read directly (no versions involved). */
    private void assertEqualsCatalog(DeviceCopy copy) {
        UUID store = merchant.store().id();
        TestUsers.run(
                merchant.admin(),
                () -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                    Map<String, String> variants = new HashMap<>();
                    jdbc.sql("select id, item_id, sku, price_minor, active from catalog_variant where not deleted")
                            .query((rs, n) -> variants.put(
                                    rs.getString(1),
                                    rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4) + "|"
                                            + rs.getBoolean(5)))
                            .list();
                    Map<String, String> seen = new HashMap<>();
                    copy.of("variant")
                            .forEach((id, v) -> seen.put(
                                    id,
                                    v.path("itemId").asString() + "|"
                                            + v.path("sku").asString() + "|"
                                            + v.path("priceMinor").asLong() + "|"
                                            + v.path("active").asBoolean()));
                    assertThat(seen).isEqualTo(variants);

                    Map<String, String> items = new HashMap<>();
                    jdbc.sql(
                                    "select id, name, active, coalesce(category_id::text, '') from catalog_item where not deleted")
                            .query((rs, n) -> items.put(
                                    rs.getString(1), rs.getString(2) + "|" + rs.getBoolean(3) + "|" + rs.getString(4)))
                            .list();
                    Map<String, String> seenItems = new HashMap<>();
                    copy.of("item")
                            .forEach((id, i) -> seenItems.put(
                                    id,
                                    i.path("name").asString() + "|"
                                            + i.path("active").asBoolean() + "|"
                                            + (i.path("categoryId").isNull()
                                                    ? ""
                                                    : i.path("categoryId").asString())));
                    assertThat(seenItems).isEqualTo(items);

                    Map<String, String> overrides = new HashMap<>();
                    jdbc.sql("""
                            select variant_id, coalesce(price_minor::text, '-'), available from catalog_store_variant
                            where store_id = ? and not deleted""")
                            .param(store)
                            .query((rs, n) -> overrides.put(rs.getString(1), rs.getString(2) + "|" + rs.getBoolean(3)))
                            .list();
                    Map<String, String> seenOverrides = new HashMap<>();
                    copy.of("storeVariant")
                            .forEach((id, o) -> seenOverrides.put(
                                    id,
                                    (o.path("priceMinor").isNull()
                                                    ? "-"
                                                    : Long.toString(
                                                            o.path("priceMinor").asLong())) + "|"
                                            + o.path("available").asBoolean()));
                    assertThat(seenOverrides).isEqualTo(overrides);

                    long categories = jdbc.sql("select count(*) from catalog_category where not deleted")
                            .query(Long.class)
                            .single();
                    assertThat(copy.of("category")).hasSize((int) categories);
                }));
    }

    private <T> T admin(java.util.concurrent.Callable<T> work) {
        return TestUsers.as(merchant.admin(), work);
    }
}
