package id.lapak.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.catalog.items.CatalogNotFoundException;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.CategoryService;
import id.lapak.catalog.items.ItemDetails;
import id.lapak.catalog.items.ItemForm;
import id.lapak.catalog.items.ItemImageService;
import id.lapak.catalog.items.PriceService;
import id.lapak.catalog.items.VariantForm;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;

/**
 * Tenant A cannot read or change tenant B's catalog: not through the service with B's ids, not with raw SQL as the
 * application's database role, on every catalog table.
 */
@IntegrationTest
class CatalogTenancyIntegrationTest {

    @Autowired
    TenantSeal seal;

    static final List<String> TABLES = List.of(
            "catalog_version",
            "tax_category",
            "catalog_category",
            "catalog_item",
            "catalog_variant",
            "catalog_store_variant",
            "catalog_price_change",
            "catalog_item_image");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired
    CatalogService catalog;

    @Autowired
    ItemImageService imageService;

    @Autowired
    PriceService priceService;

    @Autowired
    CategoryService categoryService;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Value("${spring.datasource.url}")
    String url;

    Merchant a;
    Merchant b;
    ItemDetails itemA;
    ItemDetails itemB;

    @BeforeEach
    void twoTenantsWithACatalogEach() {
        a = TestMerchants.create(tenants, stores, "Alpha");
        b = TestMerchants.create(tenants, stores, "Beta");
        itemA = fill(a, "A");
        itemB = fill(b, "B");
    }

    private ItemDetails fill(Merchant m, String prefix) {
        return TestUsers.as(m.admin(), () -> {
            var category = categoryService.saveCategory(null, "Minuman", null);
            ItemDetails item = catalog.create(new ItemForm(
                    "Teh " + prefix,
                    null,
                    category.id(),
                    null,
                    "gelas",
                    true,
                    List.of(new VariantForm(null, "", "TEH", "899" + prefix.length(), 5000, null, true))));
            priceService.changePrice(item.variants().getFirst().id(), 6000);
            priceService.setStoreOverride(
                    m.store().id(), item.variants().getFirst().id(), 5500L, true);
            imageService.setImage(item.id(), PNG);
            return catalog.get(item.id());
        });
    }

    @Test
    void theServiceShowsOnlyTheOwnTenantsCatalog() {
        TestUsers.run(a.admin(), () -> {
            assertThat(catalog.findItems("", null, null, PageRequest.of(0, 50)).getContent())
                    .extracting(i -> i.id())
                    .containsExactly(itemA.id());
            assertThat(catalog.searchVariants("teh", PageRequest.of(0, 50)).getContent())
                    .extracting(v -> v.itemId())
                    .containsExactly(itemA.id());
            assertThat(catalog.variants(List.of(itemB.variants().getFirst().id())))
                    .isEmpty();
            assertThat(catalog.findBySku("TEH").orElseThrow().itemId()).isEqualTo(itemA.id());
            assertThat(categoryService.categories()).hasSize(1);
            assertThat(priceService.priceHistory(itemB.variants().getFirst().id()))
                    .isEmpty();
            assertThat(priceService.storeOverrides(itemB.variants().getFirst().id()))
                    .isEmpty();
            assertThat(imageService.image(itemB.id())).isEmpty();
        });
    }

    @Test
    void craftedIdsOfAnotherTenantAreNotFoundForReadOrWrite() {
        UUID foreignItem = itemB.id();
        UUID foreignVariant = itemB.variants().getFirst().id();
        TestUsers.run(a.admin(), () -> {
            assertThatThrownBy(() -> catalog.get(foreignItem)).isInstanceOf(CatalogNotFoundException.class);
            assertThatThrownBy(() -> catalog.update(foreignItem, itemB.version(), itemB.toForm()))
                    .isInstanceOf(CatalogNotFoundException.class);
            assertThatThrownBy(() -> catalog.delete(foreignItem)).isInstanceOf(CatalogNotFoundException.class);
            assertThatThrownBy(() -> priceService.changePrice(foreignVariant, 1))
                    .isInstanceOf(CatalogNotFoundException.class);
            assertThatThrownBy(() -> priceService.setStoreOverride(a.store().id(), foreignVariant, 1L, true))
                    .isInstanceOf(CatalogNotFoundException.class);
            assertThatThrownBy(() -> priceService.setStoreOverride(
                            b.store().id(), itemA.variants().getFirst().id(), 1L, true))
                    .isInstanceOf(StoreNotFoundException.class);
            assertThatThrownBy(() -> imageService.setImage(foreignItem, PNG))
                    .isInstanceOf(CatalogNotFoundException.class);
        });
        ItemDetails untouched = TestUsers.as(b.admin(), () -> catalog.get(foreignItem));
        assertThat(untouched.variants().getFirst().priceMinor()).isEqualTo(6000);
        assertThat(untouched.name()).isEqualTo("Teh B");
    }

    @Test
    void asTheApplicationRoleEveryCatalogTableShowsAndWritesOnlyTheTenantOfTheTransaction() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "lapak_app", "lapak_app")) {
            try (Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    assertThat(count(s, "select count(*) from " + table))
                            .as(table + " with no tenant")
                            .isZero();
                }
            }
            c.setAutoCommit(false);
            seal.apply(c, a.tenant());
            try (Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    assertThat(count(s, "select count(*) from " + table + " where tenant_id = '" + b.tenant() + "'"))
                            .as(table + " rows of B seen as A")
                            .isZero();
                    assertThat(count(s, "select count(*) from " + table))
                            .as(table + " rows of A")
                            .isPositive();
                }
                assertThat(s.executeUpdate("update catalog_variant set price_minor = 1 where id = '"
                                + itemB.variants().getFirst().id() + "'"))
                        .isZero();
                assertThat(s.executeUpdate(
                                "update catalog_version set version = 0 where tenant_id = '" + b.tenant() + "'"))
                        .isZero();
                assertThat(s.executeUpdate("delete from catalog_item_image where item_id = '" + itemB.id() + "'"))
                        .isZero();
            }
            assertThatThrownBy(() -> {
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate(
                                    "insert into catalog_category (tenant_id, id, name, catalog_version, updated_at) "
                                            + "values ('" + b.tenant() + "', gen_random_uuid(), 'Planted', 1, now())");
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            c.rollback();
            try (Statement s = c.createStatement()) {
                assertThat(count(
                                s,
                                "select count(*) from pg_class where relname in ("
                                        + String.join(
                                                ",",
                                                TABLES.stream()
                                                        .map(t -> "'" + t + "'")
                                                        .toList())
                                        + ") and relrowsecurity and relforcerowsecurity"))
                        .isEqualTo(TABLES.size());
            }
            c.rollback();
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
