package id.lapak.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.catalog.items.CatalogProblem;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.CatalogTransfer;
import id.lapak.catalog.items.CategoryService;
import id.lapak.catalog.items.InvalidCatalogException;
import id.lapak.catalog.items.ItemDetails;
import id.lapak.catalog.items.ItemImageService;
import id.lapak.catalog.items.ItemSummary;
import id.lapak.catalog.items.PriceService;
import id.lapak.catalog.items.StoreOverride;
import id.lapak.catalog.items.TaxCategoryDetails;
import id.lapak.catalog.items.TaxCategoryService;
import id.lapak.catalog.items.TaxKind;
import id.lapak.catalog.items.VariantDetails;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.TestUsers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The inventory screen without a browser: who gets the editing buttons, amounts as typed, problems on fields, store
 * prices read-only for store managers.
 */
@ViewPackages(classes = InventoryView.class)
class InventoryViewTest extends BrowserlessTest {

    final CatalogService catalog = mock(CatalogService.class);
    final PriceService priceService = mock(PriceService.class);
    final ItemImageService imageService = mock(ItemImageService.class);
    final TaxCategoryService taxService = mock(TaxCategoryService.class);
    final CategoryService categoryService = mock(CategoryService.class);
    final CatalogTransfer transfer = mock(CatalogTransfer.class);
    final StoreService stores = mock(StoreService.class);
    final UUID ppn = UUID.randomUUID();

    @BeforeEach
    void catalogOfOneTaxCategory() {
        when(catalog.currency()).thenReturn(Currency.getInstance("IDR"));
        when(taxService.taxCategories())
                .thenReturn(List.of(new TaxCategoryDetails(ppn, "PPN", TaxKind.STANDARD, null)));
        when(categoryService.categories()).thenReturn(List.of());
        when(catalog.findItems(any(), any(), any(), any())).thenReturn(Page.empty());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSearchWithoutResultsSaysSoInsteadOfNoItemsYet() {
        show(Role.MERCHANT_ADMIN);
        Grid<?> grid = $(Grid.class).first();
        assertThat(grid.getEmptyStateText()).isEqualTo("No items yet.");

        test($(TextField.class).id("item-search")).setValue("zzz");

        assertThat(grid.getEmptyStateText()).isEqualTo("No items match this search.");
    }

    @Test
    void supportViewingTheTenantGetsNoEditingButtons() {
        var admin = TestUsers.user(UUID.randomUUID(), Set.of(), Role.MERCHANT_ADMIN);
        var viewing = new id.lapak.tenant.access.ReadOnlyViewer() {
            public String subject() {
                return "support";
            }

            public String username() {
                return "support";
            }

            public String displayName() {
                return "Support";
            }

            public java.util.Optional<UUID> tenantId() {
                return admin.tenantId();
            }

            public Set<Role> roles() {
                return Set.of(Role.MERCHANT_ADMIN);
            }

            public Set<UUID> storeIds() {
                return Set.of();
            }

            public id.lapak.tenant.access.LapakUser viewer() {
                return admin;
            }

            public String reason() {
                return "ticket 7";
            }

            public Instant expiresAt() {
                return Instant.now().plusSeconds(1800);
            }
        };
        var auth = new TestingAuthenticationToken(viewing, null, Role.MERCHANT_ADMIN.authority());
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
        UI.getCurrent()
                .add(new InventoryView(
                        catalog, categoryService, taxService, priceService, imageService, transfer, stores));

        assertThat($(Button.class).withId("new-item").exists()).isFalse();
        assertThat($(Button.class).withId("import-items").exists()).isFalse();
        assertThat($(Button.class).withId("tax-categories").exists()).isFalse();
    }

    @Test
    void aCashierReadsButGetsNoEditingButtons() {
        InventoryView view = show(Role.CASHIER);
        assertThat($(Button.class).withId("new-item").exists()).isFalse();
        assertThat($(Button.class).withId("import-items").exists()).isFalse();
        assertThat($(Button.class).withId("tax-categories").exists()).isFalse();
    }

    @Test
    void anAdminTypesAnIndonesianAmountAndTheServiceGetsMinorUnits() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("id-ID"));
        when(catalog.create(any()))
                .thenAnswer(a -> new ItemDetails(
                        UUID.randomUUID(), "Kopi", null, null, ppn, "gelas", true, false, 0, List.of(), null, null));
        InventoryView view = show(Role.MERCHANT_ADMIN);
        test($(Button.class).id("new-item")).click();
        test($(TextField.class).id("item-name")).setValue("Kopi");
        test($(TextField.class).id("item-unit")).setValue("gelas");
        test($(TextField.class).id("variant-sku-0")).setValue("KP-1");
        test($(TextField.class).id("variant-price-0")).setValue("Rp 15.000");
        test($(Button.class).id("item-save")).click();
        verify(catalog)
                .create(argThat(form -> form.variants().getFirst().priceMinor() == 15_000
                        && form.taxCategoryId().equals(ppn)));
    }

    @Test
    void anUnreadableAmountStaysInTheFormAndTheCatalogsProblemsShowOnTheirFields() {
        when(catalog.create(any()))
                .thenThrow(new InvalidCatalogException(
                        List.of(new CatalogProblem("variants[0].sku", "catalog.error.sku.taken"))));
        InventoryView view = show(Role.MERCHANT_ADMIN);
        test($(Button.class).id("new-item")).click();
        TextField price = $(TextField.class).id("variant-price-0");
        test($(TextField.class).id("item-name")).setValue("Kopi");
        test($(TextField.class).id("variant-sku-0")).setValue("KP-1");
        test(price).setValue("lima ribu");
        test($(Button.class).id("item-save")).click();
        assertThat(price.isInvalid()).isTrue();
        verify(catalog, never()).create(any());
        verify(catalog).check(any(), any());

        test(price).setValue("5,000");
        test($(Button.class).id("item-save")).click();
        TextField sku = $(TextField.class).id("variant-sku-0");
        assertThat(sku.isInvalid()).isTrue();
        assertThat(sku.getErrorMessage()).isEqualTo("Another item already uses this SKU");
    }

    @Test
    void everyProblemOfTheFormShowsAtOnceEvenWithAnUnreadablePrice() {
        when(catalog.check(any(), any()))
                .thenReturn(List.of(
                        new CatalogProblem("name", "catalog.error.name.required"),
                        new CatalogProblem("variants[0].sku", "catalog.error.sku.required")));
        show(Role.MERCHANT_ADMIN);
        test($(Button.class).id("new-item")).click();
        test($(TextField.class).id("item-unit")).setValue("gelas");
        test($(TextField.class).id("variant-price-0")).setValue("lima ribu");
        test($(Button.class).id("item-save")).click();

        TextField name = $(TextField.class).id("item-name");
        TextField sku = $(TextField.class).id("variant-sku-0");
        TextField price = $(TextField.class).id("variant-price-0");
        assertThat(price.isInvalid()).isTrue();
        assertThat(name.isInvalid())
                .as("the name's problem shows with the price's")
                .isTrue();
        assertThat(name.getErrorMessage()).isNotBlank();
        assertThat(sku.isInvalid())
                .as("the SKU's problem shows with the price's")
                .isTrue();
        assertThat(sku.getErrorMessage()).isNotBlank();
        verify(catalog, never()).create(any());
        verify(catalog).check(argThat(form -> form.unit().equals("gelas")), argThat(id -> id == null));
    }

    @Test
    void longPastedTextIsKeptAndTheLimitIsSaid() {
        when(catalog.create(any()))
                .thenThrow(new InvalidCatalogException(List.of(new CatalogProblem("name", "catalog.error.name.long"))));
        show(Role.MERCHANT_ADMIN);
        test($(Button.class).id("new-item")).click();
        TextField name = $(TextField.class).id("item-name");
        assertThat(name.getHelperText()).isEqualTo("At most 120 characters.");
        String pasted = "K".repeat(10_000);
        test(name).setValue(pasted);
        test($(TextField.class).id("item-unit")).setValue("gelas");
        test($(TextField.class).id("variant-sku-0")).setValue("KP-1");
        test($(TextField.class).id("variant-price-0")).setValue("15,000");
        test($(Button.class).id("item-save")).click();

        assertThat(name.getValue()).as("nothing cut silently").hasSize(10_000);
        assertThat(name.getMaxLength()).isLessThanOrEqualTo(0);
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isNotBlank();
    }

    @Test
    void aStoreManagerSeesTheStorePriceReadOnly() {
        UUID store = UUID.randomUUID();
        UUID variant = oneItemInOneStore(store);
        when(priceService.storeOverrides(variant))
                .thenReturn(List.of(new StoreOverride(store, variant, 9_000L, false)));
        show(Role.STORE_MANAGER);
        test($(Grid.class).id("item-grid")).clickRow(0);
        test($(Button.class).id("store-prices-0")).click();
        TextField price = $(TextField.class).id("store-price-0");
        assertThat(price.getValue()).isEqualTo("9,000");
        assertThat(price.isReadOnly()).isTrue();
        assertThat($(Checkbox.class).id("store-available-0").isReadOnly()).isTrue();
        assertThat($(Button.class).withId("store-prices-save").exists()).isFalse();
    }

    @Test
    void anAdminsStorePriceReachesTheServiceAndItsRefusalShowsOnTheField() {
        UUID store = UUID.randomUUID();
        UUID variant = oneItemInOneStore(store);
        when(priceService.storeOverrides(variant)).thenReturn(List.of());
        when(priceService.setStoreOverride(store, variant, 5L, true))
                .thenThrow(new InvalidCatalogException(
                        List.of(new CatalogProblem("priceMinor", "catalog.error.price.range"))));
        show(Role.MERCHANT_ADMIN);
        test($(Grid.class).id("item-grid")).clickRow(0);
        test($(Button.class).id("store-prices-0")).click();
        TextField price = $(TextField.class).id("store-price-0");
        test(price).setValue("5");
        test($(Button.class).id("store-prices-save")).click();
        assertThat(price.isInvalid()).isTrue();
        assertThat(price.getErrorMessage()).isEqualTo("The price must be between zero and 999,999,999,999");

        test(price).setValue("12,000");
        test($(Checkbox.class).id("store-available-0")).click();
        test($(Button.class).id("store-prices-save")).click();
        verify(priceService).setStoreOverride(store, variant, 12_000L, false);
        assertThat(price.isInvalid()).isFalse();
    }

    /** One item with one variant at Rp 10.000, and one store the signed-in person may see; returns the variant. */
    private UUID oneItemInOneStore(UUID store) {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UUID item = UUID.randomUUID();
        UUID variant = UUID.randomUUID();
        when(catalog.findItems(any(), any(), any(), any()))
                .thenReturn(new PageImpl<>(
                        List.of(new ItemSummary(item, "Kopi", null, "gelas", true, 1, 10_000, 10_000, "KP-1"))));
        when(catalog.get(item))
                .thenReturn(new ItemDetails(
                        item,
                        "Kopi",
                        null,
                        null,
                        ppn,
                        "gelas",
                        true,
                        false,
                        0,
                        List.of(new VariantDetails(variant, item, "", "KP-1", null, 10_000, null, true, 0)),
                        null,
                        null));
        when(stores.find(any(), any()))
                .thenReturn(new PageImpl<>(List.of(new StoreDetails(
                        store,
                        "Maju Pusat",
                        "",
                        "Jakarta",
                        ZoneId.of("Asia/Jakarta"),
                        Currency.getInstance("IDR"),
                        true,
                        new BigDecimal("11.00"),
                        true,
                        true,
                        0,
                        Instant.now(),
                        Instant.now()))));
        return variant;
    }

    private InventoryView show(Role role) {
        var user = TestUsers.user(UUID.randomUUID(), Set.of(), role);
        var auth = new TestingAuthenticationToken(user, null, role.authority());
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
        InventoryView view =
                new InventoryView(catalog, categoryService, taxService, priceService, imageService, transfer, stores);
        UI.getCurrent().add(view);
        return view;
    }
}
