package id.lapak.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.catalog.items.CatalogProblem;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.InvalidCatalogException;
import id.lapak.catalog.items.ItemDetails;
import id.lapak.catalog.items.ItemForm;
import id.lapak.catalog.items.PriceChange;
import id.lapak.catalog.items.PriceService;
import id.lapak.catalog.items.TaxCategoryService;
import id.lapak.catalog.items.VariantForm;
import id.lapak.catalog.items.VariantSummary;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Items and variants through the service: roles, validation, uniqueness, price history and the audit trail. */
@IntegrationTest
class CatalogServiceIntegrationTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    PriceService priceService;

    @Autowired
    TaxCategoryService taxService;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    Merchant merchant;

    @BeforeEach
    void merchant() {
        merchant = TestMerchants.create(tenants, stores, "Warung");
    }

    static ItemForm tshirt(String skuPrefix) {
        return new ItemForm(
                "Kaos Polos",
                null,
                null,
                null,
                "pcs",
                true,
                List.of(
                        new VariantForm(
                                null,
                                "M",
                                skuPrefix + "-M",
                                "899100000001" + skuPrefix.length(),
                                75_000,
                                40_000L,
                                true),
                        new VariantForm(null, "L", skuPrefix + "-L", null, 80_000, null, true)));
    }

    @Test
    void anAdminCreatesAnItemWithVariantsThatOtherModulesCanRead() {
        ItemDetails item = TestUsers.as(merchant.admin(), () -> catalog.create(tshirt("KP")));
        assertThat(item.variants()).extracting(v -> v.sku()).containsExactly("KP-M", "KP-L");
        assertThat(item.taxCategoryId()).as("the PPN default").isNotNull();
        assertThat(count("catalog_variant")).isEqualTo(2);

        var ids = item.variants().stream().map(v -> v.id()).toList();
        var summaries = TestUsers.as(merchant.admin(), () -> catalog.variants(ids));
        assertThat(summaries.get(ids.get(0)).name()).isEqualTo("Kaos Polos (M)");
        assertThat(summaries.get(ids.get(1)).priceMinor()).isEqualTo(80_000);

        var cashier = TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.CASHIER);
        var found = TestUsers.as(
                cashier,
                () -> catalog.searchVariants("kp-l", PageRequest.of(0, 10)).getContent());
        assertThat(found).extracting(VariantSummary::sku).containsExactly("KP-L");
        var items = TestUsers.as(cashier, () -> catalog.findItems("kaos", null, null, PageRequest.of(0, 10)));
        assertThat(items.getContent()).singleElement().satisfies(s -> {
            assertThat(s.variantCount()).isEqualTo(2);
            assertThat(s.minPriceMinor()).isEqualTo(75_000);
            assertThat(s.maxPriceMinor()).isEqualTo(80_000);
        });
        assertThat(TestUsers.as(cashier, () -> taxService.taxCategories()))
                .extracting(t -> t.name())
                .containsExactly("Bebas pajak", "PPN");

        // Cost prices tell margins: the admin and a store manager read them, a cashier does not.
        var manager = TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.STORE_MANAGER);
        assertThat(TestUsers.as(merchant.admin(), () -> catalog.get(item.id()))
                        .variants()
                        .getFirst()
                        .costMinor())
                .isEqualTo(40_000L);
        assertThat(TestUsers.as(manager, () -> catalog.get(item.id()))
                        .variants()
                        .getFirst()
                        .costMinor())
                .isEqualTo(40_000L);
        assertThat(TestUsers.as(cashier, () -> catalog.get(item.id())).variants())
                .allSatisfy(v -> assertThat(v.costMinor()).isNull())
                .extracting(v -> v.priceMinor())
                .containsExactly(75_000L, 80_000L);
    }

    @Test
    void cashiersAndStoreManagersCannotChangeTheCatalog() {
        var cashier = TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.CASHIER);
        var manager = TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.STORE_MANAGER);
        assertThatThrownBy(() -> TestUsers.as(cashier, () -> catalog.create(tshirt("C"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(manager, () -> catalog.create(tshirt("M"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count("catalog_item")).isZero();
    }

    @Test
    void skuAndBarcodeAreUniquePerTenantButFreeInAnother() {
        TestUsers.as(merchant.admin(), () -> catalog.create(tshirt("DUP")));
        assertThatThrownBy(() -> TestUsers.as(merchant.admin(), () -> catalog.create(tshirt("DUP"))))
                .isInstanceOf(InvalidCatalogException.class)
                .satisfies(e -> assertThat(((InvalidCatalogException) e).problems())
                        .extracting(CatalogProblem::messageKey)
                        .contains("catalog.error.sku.taken", "catalog.error.barcode.taken"));
        Merchant other = TestMerchants.create(tenants, stores, "Toko Lain");
        ItemDetails twin = TestUsers.as(other.admin(), () -> catalog.create(tshirt("DUP")));
        assertThat(twin.variants()).hasSize(2);
    }

    @Test
    void badFormsAreRefusedWithEveryProblemAndNothingIsWritten() {
        ItemForm bad = new ItemForm(
                " ",
                null,
                null,
                null,
                "",
                true,
                List.of(
                        new VariantForm(null, "A", "X 1", "not a barcode!", -5, null, true),
                        new VariantForm(null, "A", "ok", null, 10, -1L, true)));
        assertThatThrownBy(() -> TestUsers.as(merchant.admin(), () -> catalog.create(bad)))
                .isInstanceOf(InvalidCatalogException.class)
                .satisfies(e -> assertThat(((InvalidCatalogException) e).problems())
                        .extracting(CatalogProblem::field)
                        .contains(
                                "name",
                                "unit",
                                "variants[0].sku",
                                "variants[0].barcode",
                                "variants[0].price",
                                "variants[1].name",
                                "variants[1].cost"));
        assertThat(count("catalog_item")).isZero();
        assertThat(count("catalog_variant")).isZero();
    }

    @Test
    void priceChangesAreKeptAsHistoryAndAudited() {
        ItemDetails item = TestUsers.as(merchant.admin(), () -> catalog.create(tshirt("PR")));
        var m = item.variants().get(0);
        ItemForm form = item.toForm();
        var changed = new java.util.ArrayList<>(form.variants());
        changed.set(0, new VariantForm(m.id(), m.name(), m.sku(), m.barcode(), 79_000, m.costMinor(), true));
        ItemDetails updated = TestUsers.as(
                merchant.admin(),
                () -> catalog.update(
                        item.id(),
                        item.version(),
                        new ItemForm(
                                form.name(),
                                form.description(),
                                form.categoryId(),
                                form.taxCategoryId(),
                                form.unit(),
                                form.active(),
                                changed)));
        assertThat(updated.variants().get(0).priceMinor()).isEqualTo(79_000);
        TestUsers.as(merchant.admin(), () -> priceService.changePrice(m.id(), 81_000));

        List<PriceChange> history = TestUsers.as(merchant.admin(), () -> priceService.priceHistory(m.id()));
        assertThat(history).extracting(PriceChange::oldPriceMinor).containsExactlyInAnyOrder(null, 75_000L, 79_000L);
        assertThat(history)
                .allSatisfy(h ->
                        assertThat(h.changedBy()).isEqualTo(merchant.admin().username()));
        long audited = inTenant(() -> jdbc.sql("""
                select count(*) from audit_entry where tenant_id = ? and action = 'catalog.price_changed'
                  and entity_id = ?""")
                .params(merchant.tenant(), m.id().toString())
                .query(Long.class)
                .single());
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void anUpdateThatDropsAVariantLeavesATombstoneAndFreesItsSku() {
        ItemDetails item = TestUsers.as(merchant.admin(), () -> catalog.create(tshirt("TS")));
        ItemForm form = item.toForm();
        ItemDetails updated = TestUsers.as(
                merchant.admin(),
                () -> catalog.update(
                        item.id(),
                        item.version(),
                        new ItemForm(
                                form.name(),
                                form.description(),
                                null,
                                null,
                                form.unit(),
                                true,
                                List.of(form.variants().get(0)))));
        assertThat(updated.variants()).hasSize(1);
        var dropped = item.variants().get(1).id();
        var seen = TestUsers.as(merchant.admin(), () -> catalog.variants(List.of(dropped)));
        assertThat(seen.get(dropped).active()).isFalse();
        ItemDetails reuse = TestUsers.as(
                merchant.admin(),
                () -> catalog.create(new ItemForm(
                        "Other",
                        null,
                        null,
                        null,
                        "pcs",
                        true,
                        List.of(new VariantForm(null, "", "TS-L", null, 1, null, true)))));
        assertThat(reuse.variants()).hasSize(1);
    }

    private long count(String table) {
        return inTenant(() ->
                jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }

    /** Raw SQL in a transaction of the merchant's tenant (row-level security shows only its rows). */
    private long inTenant(java.util.function.Supplier<Long> query) {
        return TestUsers.as(
                merchant.admin(),
                () -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                        .execute(s -> query.get()));
    }
}
