package id.lapak.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import id.lapak.catalog.customers.CustomerDetails;
import id.lapak.catalog.customers.CustomerForm;
import id.lapak.catalog.customers.CustomerService;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.stock.StockAlertSettingsService;
import id.lapak.catalog.stock.StockLevel;
import id.lapak.catalog.stock.StockQuantity;
import id.lapak.catalog.stock.StockService;
import id.lapak.catalog.stock.StockTransfer;
import id.lapak.catalog.stock.StockTransferService;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.sale.SaleCompleted;
import id.lapak.tenant.sale.SaleLine;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inventory pages and the customer pages, rendered without a browser over the real services and database: what
 * a merchant admin sees after receiving, selling, transferring and counting, and a store manager's narrower view.
 */
@IntegrationTest
@ViewPackages(classes = StockView.class)
class InventoryAndCustomerPagesIntegrationTest extends BrowserlessTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    CatalogService catalog;

    @Autowired
    StockService stock;

    @Autowired
    StockTransferService transfers;

    @Autowired
    StockAlertSettingsService alertSettings;

    @Autowired
    CustomerService customers;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    Merchant merchant;
    UUID item;

    @BeforeEach
    void stockInOneStore() {
        merchant = TestMerchants.create(tenants, stores, "Halaman");
        item = TestCatalog.variant(catalog, merchant.admin(), "Kopi Susu");
        TestUsers.run(merchant.admin(), () -> {
            stock.receive(merchant.store().id(), List.of(new StockQuantity(item, 5)), "PO-7");
            stock.setThreshold(merchant.store().id(), item, 4);
        });
        TenantContext.runAs(
                merchant.tenant(),
                () -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(s -> events.publishEvent(new SaleCompleted(
                                merchant.tenant(),
                                UUID.randomUUID(),
                                merchant.store().id(),
                                null,
                                null,
                                "IDR",
                                20_000,
                                0,
                                0,
                                Instant.now(),
                                List.of(new SaleLine(item, "Kopi Susu", 2, 10_000, 0, 20_000))))));
    }

    @Test
    void theAdminSeesStockMovementsAndTheAlertAndAdjustsFromTheStockPage() {
        TestUsers.run(merchant.admin(), () -> {
            StockView view = show(new StockView(stock, stores, catalog));
            Grid<StockLevel> grid = grid(view);
            assertThat(test(grid).size()).isOne();
            assertThat(test(grid).getCellText(0, 1)).isEqualTo("Kopi Susu (Standar)");
            assertThat(test(grid).getCellText(0, 3)).isEqualTo("3");

            test(grid).clickRow(0);
            var dialog = $(com.vaadin.flow.component.dialog.Dialog.class).single();
            $(com.vaadin.flow.component.textfield.IntegerField.class, dialog)
                    .id("adjust-quantity")
                    .setValue(-1);
            test($(com.vaadin.flow.component.combobox.ComboBox.class, dialog).id("adjust-reason"))
                    .selectItem("Damaged");
            test($(com.vaadin.flow.component.button.Button.class, dialog).id("adjust-save"))
                    .click();
            assertThat(stock.levels(merchant.store().id(), false, false, null)
                            .getContent()
                            .getFirst()
                            .onHand())
                    .isEqualTo(2);

            MovementsView movements = show(new MovementsView(stock, stores));
            assertThat(test(grid(movements)).size()).isEqualTo(3);
            assertThat(test(grid(movements)).getCellText(0, 3)).isEqualTo("Adjustment");

            StockAlertsView alerts = show(new StockAlertsView(stock, alertSettings, stores));
            assertThat(test(grid(alerts)).size()).isOne();
        });
    }

    @Test
    void transfersAndCountsShowWithTheirSteps() {
        var cabang = TestUsers.as(merchant.admin(), () -> stores.create(TestMerchants.store("Halaman Cabang")));
        TestUsers.run(merchant.admin(), () -> {
            StockTransfer t = transfers.create(
                    merchant.store().id(), cabang.id(), List.of(new StockQuantity(item, 1)), "Untuk cabang");
            stock.count(merchant.store().id(), List.of(new StockQuantity(item, 3)), "Opname");
            TransfersView view = show(new TransfersView(transfers, stores, catalog));
            Grid<StockTransfer> grid = grid(view);
            assertThat(test(grid).size()).isOne();
            test(grid).clickRow(0);
            test($(com.vaadin.flow.component.button.Button.class).id("transfer-send"))
                    .click();
            assertThat(transfers.get(t.id()).status()).isEqualTo(StockTransfer.Status.SENT);

            CountsView counts = show(new CountsView(stock, stores, catalog));
            assertThat(test(grid(counts)).size()).isOne();
        });
        var manager = TestUsers.user(merchant.tenant(), Set.of(cabang.id()), Role.STORE_MANAGER);
        TestUsers.run(manager, () -> {
            StockView view = show(new StockView(stock, stores, catalog));
            assertThat(test(grid(view)).size()).isZero();
            TransfersView transfersView = show(new TransfersView(transfers, stores, catalog));
            test(grid(transfersView)).clickRow(0);
            test($(com.vaadin.flow.component.button.Button.class).id("transfer-receive"))
                    .click();
            assertThat(test(grid(show(new StockView(stock, stores, catalog)))).size())
                    .isOne();
        });
    }

    @Test
    void receivingANegativeQuantityIsRefusedOnItsFieldAndASaveLeavesOnlyTheSuccess() {
        // A deactivated store is not offered for receiving goods.
        var closed = TestUsers.as(merchant.admin(), () -> {
            var created = stores.create(id.lapak.testing.TestMerchants.store("Cabang Tutup"));
            return stores.deactivate(created.id());
        });
        TestUsers.run(merchant.admin(), () -> {
            show(new StockView(stock, stores, catalog));
            test($(com.vaadin.flow.component.button.Button.class).id("stock-receive"))
                    .click();
            var dialog = $(com.vaadin.flow.component.dialog.Dialog.class).id("receive-dialog");
            @SuppressWarnings("unchecked")
            var store = (com.vaadin.flow.component.combobox.ComboBox<Object>)
                    $(com.vaadin.flow.component.combobox.ComboBox.class, dialog).id("receive-store");
            store.setValue(merchant.store());
            assertThat(store.getListDataView().getItems().map(s -> ((id.lapak.tenant.store.StoreDetails) s).id()))
                    .contains(merchant.store().id())
                    .doesNotContain(closed.id());
            @SuppressWarnings("unchecked")
            var variant = (com.vaadin.flow.component.combobox.ComboBox<Object>)
                    $(com.vaadin.flow.component.combobox.ComboBox.class, dialog).id("line-variant-0");
            variant.setValue(catalog.searchVariants("Kopi", org.springframework.data.domain.PageRequest.of(0, 10))
                    .getContent()
                    .getFirst());
            var quantity = $(com.vaadin.flow.component.textfield.IntegerField.class, dialog)
                    .id("line-quantity-0");
            quantity.setValue(-5);
            var save = $(com.vaadin.flow.component.button.Button.class, dialog).id("receive-save");

            test(save).click();

            assertThat(quantity.isInvalid()).isTrue();
            assertThat(quantity.getErrorMessage()).isEqualTo("Enter a whole number from 1 to 1,000,000.");
            assertThat(openNotifications())
                    .as("no 'add at least one item' beside the field message")
                    .isEmpty();
            assertThat(stock.levels(merchant.store().id(), false, false, null)
                            .getContent()
                            .getFirst()
                            .onHand())
                    .isEqualTo(3);

            quantity.setValue(5);
            test(save).click();

            assertThat(quantity.isInvalid()).isFalse();
            assertThat(stock.levels(merchant.store().id(), false, false, null)
                            .getContent()
                            .getFirst()
                            .onHand())
                    .isEqualTo(8);
            assertThat(openNotifications()).containsExactly("Goods received.");
        });
    }

    private List<String> openNotifications() {
        return $(com.vaadin.flow.component.notification.Notification.class).all().stream()
                .filter(com.vaadin.flow.component.notification.Notification::isOpened)
                .map(n -> n.getElement().getProperty("text"))
                .toList();
    }

    @Test
    void aCashierFindsCustomersAndTheAdminExportsOneFromItsPage() {
        CustomerDetails ani = TestUsers.as(
                merchant.admin(),
                () -> customers.create(
                        new CustomerForm("Ani Lestari", "0812 7777 8888", "ani@contoh.id", "", Set.of("vip"), true)));
        var cashier = TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.CASHIER);
        TestUsers.run(cashier, () -> {
            var list = show(new id.lapak.customers.CustomersTestAccess().list(customers));
            @SuppressWarnings("unchecked")
            Grid<CustomerDetails> grid = $(Grid.class, list).single();
            assertThat(test(grid).size()).isOne();
            assertThat(test(grid).getCellText(0, 0)).isEqualTo("Ani Lestari");
            assertThat($(com.vaadin.flow.component.button.Button.class, list)
                            .withId("new-customer")
                            .exists())
                    .as("cashiers read customers but do not create them")
                    .isFalse();
        });
        TestUsers.run(merchant.admin(), () -> {
            var page = show(new id.lapak.customers.CustomersTestAccess().page(customers, ani.id()));
            assertThat($(com.vaadin.flow.component.html.H2.class, page).single().getText())
                    .isEqualTo("Ani Lestari");
            test($(com.vaadin.flow.component.button.Button.class, page).id("customer-export"))
                    .click();
            assertThat($(com.vaadin.flow.component.html.Anchor.class, page).id("customer-export-download"))
                    .isNotNull();
            assertThat($(com.vaadin.flow.component.html.Anchor.class, page)
                            .id("customer-back")
                            .getHref())
                    .isEqualTo("customers");

            // A customer that does not exist (merged away, a wrong link): a sentence and the way back.
            var missing =
                    show(new id.lapak.customers.CustomersTestAccess().page(customers, java.util.UUID.randomUUID()));
            assertThat($(com.vaadin.flow.component.html.H2.class, missing)
                            .single()
                            .getText())
                    .isEqualTo("Customer not found.");
            assertThat($(com.vaadin.flow.component.html.Paragraph.class, missing)
                            .single()
                            .getText())
                    .contains("Search for the customer in the list");
            assertThat($(com.vaadin.flow.component.html.Anchor.class, missing).id("customer-back"))
                    .isNotNull();
        });
    }

    private <T extends com.vaadin.flow.component.Component> T show(T view) {
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);
        return view;
    }

    @SuppressWarnings("unchecked")
    private <T> Grid<T> grid(com.vaadin.flow.component.Component view) {
        return (Grid<T>) $(Grid.class, view).first();
    }
}
