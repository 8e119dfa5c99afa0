package id.lapak.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.CatalogTransfer;
import id.lapak.catalog.items.CategoryService;
import id.lapak.catalog.items.ItemImageService;
import id.lapak.catalog.items.ItemSummary;
import id.lapak.catalog.items.PriceService;
import id.lapak.catalog.items.StoreOverride;
import id.lapak.catalog.items.TaxCategoryDetails;
import id.lapak.catalog.items.TaxCategoryService;
import id.lapak.catalog.items.TaxKind;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Per-store prices and tax categories edited on the Inventory page, without a browser but over the real catalog
 * and store services and database: what the merchant admin types is what the catalog then holds, a refused price
 * writes nothing, and store managers and cashiers cannot change anything.
 */
@IntegrationTest
@ViewPackages(classes = InventoryView.class)
class StorePricesAndTaxCategoriesIntegrationTest extends BrowserlessTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    CatalogService catalog;

    @Autowired
    PriceService priceService;

    @Autowired
    TaxCategoryService taxService;

    @Autowired
    CategoryService categoryService;

    @Autowired
    ItemImageService imageService;

    @Autowired
    CatalogTransfer transfer;

    Merchant merchant;
    StoreDetails cabang;
    UUID variant;

    @BeforeEach
    void oneItemAndTwoStores() {
        merchant = TestMerchants.create(tenants, stores, "Harga");
        cabang = TestUsers.as(merchant.admin(), () -> stores.create(TestMerchants.store("Harga Cabang")));
        variant = TestCatalog.variant(catalog, merchant.admin(), "Kopi Susu");
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    void theAdminSetsAStorePriceAndTakesTheVariantOffAnotherStoreThenGoesBackToTheDefaults() {
        TestUsers.run(merchant.admin(), () -> {
            StorePricesDialog dialog = openStorePrices();
            assertThat(dialog.rows)
                    .extracting(r -> r.store.id())
                    .containsExactlyInAnyOrder(merchant.store().id(), cabang.id());
            test(price(dialog, merchant.store())).setValue("12,500");
            test(sold(dialog, cabang)).click();
            test($(Button.class).id("store-prices-save")).click();

            assertThat(priceService.storeOverrides(variant))
                    .containsExactlyInAnyOrder(
                            new StoreOverride(merchant.store().id(), variant, 12_500L, true),
                            new StoreOverride(cabang.id(), variant, null, false));
            assertThat(dialog.isOpened()).isFalse();

            dialog = reopenStorePrices();
            assertThat(price(dialog, merchant.store()).getValue()).isEqualTo("12,500");
            assertThat(sold(dialog, cabang).getValue()).isFalse();
            test(price(dialog, merchant.store())).setValue("");
            test($(Button.class).id("store-reset-" + dialog.rows.indexOf(row(dialog, cabang))))
                    .click();
            test($(Button.class).id("store-prices-save")).click();

            assertThat(priceService.storeOverrides(variant)).isEmpty();
        });
    }

    @Test
    void aPriceOutOfRangeShowsOnItsFieldAndNothingIsSaved() {
        TestUsers.run(merchant.admin(), () -> {
            StorePricesDialog dialog = openStorePrices();
            TextField price = price(dialog, merchant.store());
            test(price).setValue("1,000,000,000,000");
            test($(Button.class).id("store-prices-save")).click();

            assertThat(price.isInvalid()).isTrue();
            assertThat(price.getErrorMessage()).isEqualTo("The price must be between zero and 999,999,999,999");
            assertThat(dialog.isOpened()).isTrue();
            assertThat(priceService.storeOverrides(variant)).isEmpty();

            test(price).setValue("dua ribu");
            test($(Button.class).id("store-prices-save")).click();
            assertThat(price.getErrorMessage()).isEqualTo("Enter an amount such as 15,000");
            assertThat(priceService.storeOverrides(variant)).isEmpty();
        });
    }

    @Test
    void theAdminAddsACustomTaxCategoryAndARateOutOfRangeIsRefusedOnItsField() {
        TestUsers.run(merchant.admin(), () -> {
            show(new InventoryView(catalog, categoryService, taxService, priceService, imageService, transfer, stores));
            test($(Button.class).id("tax-categories")).click();
            TaxCategoriesDialog dialog = $(TaxCategoriesDialog.class).single();
            assertThat(test(grid(dialog)).size())
                    .as("PPN and tax-exempt to begin with")
                    .isEqualTo(2);

            test($(TextField.class).id("tax-name")).setValue("Makanan siap saji");
            test(kind()).selectItem("At its own rate");
            BigDecimalField rate = $(BigDecimalField.class).id("tax-rate");
            rate.setValue(new BigDecimal("150"));
            test($(Button.class).id("tax-save")).click();
            assertThat(rate.isInvalid()).isTrue();
            assertThat(rate.getErrorMessage()).isEqualTo("A rate is between 0 and 100 with at most two decimals");
            assertThat(taxService.taxCategories()).hasSize(2);

            rate.setValue(new BigDecimal("5.5"));
            test($(Button.class).id("tax-save")).click();
            assertThat(taxService.taxCategories())
                    .filteredOn(t -> t.name().equals("Makanan siap saji"))
                    .singleElement()
                    .satisfies(t -> {
                        assertThat(t.kind()).isEqualTo(TaxKind.CUSTOM);
                        assertThat(t.rate()).isEqualByComparingTo("5.5");
                    });
            assertThat(test(grid(dialog)).size()).isEqualTo(3);

            int row = taxService.taxCategories().stream()
                    .map(TaxCategoryDetails::name)
                    .toList()
                    .indexOf("Makanan siap saji");
            test(grid(dialog)).clickRow(row);
            assertThat(rate.getValue()).isEqualByComparingTo("5.5");
            rate.setValue(new BigDecimal("10"));
            test($(Button.class).id("tax-save")).click();
            assertThat(taxService.taxCategories())
                    .filteredOn(t -> t.name().equals("Makanan siap saji"))
                    .singleElement()
                    .satisfies(t -> assertThat(t.rate()).isEqualByComparingTo("10"));
        });
    }

    @Test
    void aStoreManagerSeesTheirStoresPricesButCannotChangeThemAndACashierSeesNone() {
        TestUsers.run(merchant.admin(), () -> priceService.setStoreOverride(cabang.id(), variant, 9_000L, true));
        var manager = TestUsers.user(merchant.tenant(), Set.of(cabang.id()), Role.STORE_MANAGER);
        TestUsers.run(manager, () -> {
            StorePricesDialog dialog = openStorePrices();
            assertThat(dialog.rows).extracting(r -> r.store.id()).containsExactly(cabang.id());
            assertThat(price(dialog, cabang).getValue()).isEqualTo("9,000");
            assertThat(price(dialog, cabang).isReadOnly()).isTrue();
            assertThat(sold(dialog, cabang).isReadOnly()).isTrue();
            assertThat($(Button.class).withId("store-prices-save").exists()).isFalse();
            assertThat($(Button.class).withId("tax-categories").exists()).isFalse();
            assertThatThrownBy(() -> priceService.setStoreOverride(cabang.id(), variant, 1L, true))
                    .isInstanceOf(AccessDeniedException.class);
        });
        var cashier = TestUsers.user(merchant.tenant(), Set.of(cabang.id()), Role.CASHIER);
        TestUsers.run(cashier, () -> {
            show(new InventoryView(catalog, categoryService, taxService, priceService, imageService, transfer, stores));
            test(items()).clickRow(0);
            assertThat($(Button.class).withId("store-prices-0").exists()).isFalse();
            assertThat($(Button.class).withId("tax-categories").exists()).isFalse();
        });
        TestUsers.run(
                merchant.admin(),
                () -> assertThat(priceService.storeOverrides(variant))
                        .containsExactly(new StoreOverride(cabang.id(), variant, 9_000L, true)));
    }

    private StorePricesDialog openStorePrices() {
        show(new InventoryView(catalog, categoryService, taxService, priceService, imageService, transfer, stores));
        test(items()).clickRow(0);
        test($(Button.class).id("store-prices-0")).click();
        return $(StorePricesDialog.class).single();
    }

    private StorePricesDialog reopenStorePrices() {
        test($(Button.class).id("store-prices-0")).click();
        return $(StorePricesDialog.class).all().stream()
                .filter(StorePricesDialog::isOpened)
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private static StorePricesDialog.Row row(StorePricesDialog dialog, StoreDetails store) {
        return dialog.rows.stream()
                .filter(r -> r.store.id().equals(store.id()))
                .findFirst()
                .orElseThrow();
    }

    private static TextField price(StorePricesDialog dialog, StoreDetails store) {
        return row(dialog, store).price;
    }

    private static Checkbox sold(StorePricesDialog dialog, StoreDetails store) {
        return row(dialog, store).available;
    }

    @SuppressWarnings("unchecked")
    private Select<TaxKind> kind() {
        return $(Select.class).id("tax-kind");
    }

    @SuppressWarnings("unchecked")
    private Grid<ItemSummary> items() {
        return $(Grid.class).id("item-grid");
    }

    @SuppressWarnings("unchecked")
    private Grid<TaxCategoryDetails> grid(TaxCategoriesDialog dialog) {
        return $(Grid.class, dialog).id("tax-grid");
    }

    private void show(InventoryView view) {
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);
    }
}
