package id.lapak.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;

import id.lapak.catalog.items.CatalogProblem;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.CatalogTransfer;
import id.lapak.catalog.items.InvalidCatalogException;
import id.lapak.catalog.items.ItemDetails;
import id.lapak.catalog.items.TaxCategoryDetails;
import id.lapak.catalog.items.TaxKind;
import id.lapak.support.TestUsers;
import id.lapak.tenant.access.Role;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The inventory screen without a browser: who gets the editing buttons, amounts as typed, problems on fields. */
@ViewPackages(classes = InventoryView.class)
class InventoryViewTest extends BrowserlessTest {

    final CatalogService catalog = mock(CatalogService.class);
    final CatalogTransfer transfer = mock(CatalogTransfer.class);
    final UUID ppn = UUID.randomUUID();

    @BeforeEach
    void catalogOfOneTaxCategory() {
        when(catalog.currency()).thenReturn(Currency.getInstance("IDR"));
        when(catalog.taxCategories()).thenReturn(List.of(new TaxCategoryDetails(ppn, "PPN", TaxKind.STANDARD, null)));
        when(catalog.categories()).thenReturn(List.of());
        when(catalog.findItems(any(), any(), any(), any())).thenReturn(Page.empty());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCashierReadsButGetsNoEditingButtons() {
        InventoryView view = show(Role.CASHIER);
        assertThat($(Button.class).withId("new-item").exists()).isFalse();
        assertThat($(Button.class).withId("import-items").exists()).isFalse();
    }

    @Test
    void anAdminTypesAnIndonesianAmountAndTheServiceGetsMinorUnits() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("id-ID"));
        when(catalog.create(any())).thenAnswer(a -> new ItemDetails(UUID.randomUUID(), "Kopi", null, null, ppn,
                "gelas", true, false, 0, List.of(), null, null));
        InventoryView view = show(Role.MERCHANT_ADMIN);
        test($(Button.class).id("new-item")).click();
        test($(TextField.class).id("item-name")).setValue("Kopi");
        test($(TextField.class).id("item-unit")).setValue("gelas");
        test($(TextField.class).id("variant-sku-0")).setValue("KP-1");
        test($(TextField.class).id("variant-price-0")).setValue("Rp 15.000");
        test($(Button.class).id("item-save")).click();
        verify(catalog).create(argThat(form -> form.variants().getFirst().priceMinor() == 15_000
                && form.taxCategoryId().equals(ppn)));
    }

    @Test
    void anUnreadableAmountStaysInTheFormAndTheCatalogsProblemsShowOnTheirFields() {
        when(catalog.create(any())).thenThrow(new InvalidCatalogException(List.of(
                new CatalogProblem("variants[0].sku", "catalog.error.sku.taken"))));
        InventoryView view = show(Role.MERCHANT_ADMIN);
        test($(Button.class).id("new-item")).click();
        TextField price = $(TextField.class).id("variant-price-0");
        test($(TextField.class).id("item-name")).setValue("Kopi");
        test($(TextField.class).id("variant-sku-0")).setValue("KP-1");
        test(price).setValue("lima ribu");
        test($(Button.class).id("item-save")).click();
        assertThat(price.isInvalid()).isTrue();
        verify(catalog, never()).create(any());

        test(price).setValue("5,000");
        test($(Button.class).id("item-save")).click();
        TextField sku = $(TextField.class).id("variant-sku-0");
        assertThat(sku.isInvalid()).isTrue();
        assertThat(sku.getErrorMessage()).isEqualTo("Another item already uses this SKU");
    }

    private InventoryView show(Role role) {
        var user = TestUsers.user(UUID.randomUUID(), Set.of(), role);
        var auth = new TestingAuthenticationToken(user, null, role.authority());
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
        InventoryView view = new InventoryView(catalog, transfer);
        UI.getCurrent().add(view);
        return view;
    }

}
