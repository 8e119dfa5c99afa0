package id.lapak.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.PriceChange;
import id.lapak.catalog.items.PriceService;
import id.lapak.catalog.items.StoreOverride;
import id.lapak.catalog.stock.StockLevel;
import id.lapak.catalog.stock.StockQuantity;
import id.lapak.catalog.stock.StockService;
import id.lapak.device.DeviceService;
import id.lapak.device.pairing.PairingCodes;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreNotFoundException;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestCatalog;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * One store-visibility rule everywhere a store's data appears: the manager of Maju Pusat sees Pusat's data and
 * nothing of Maju Cabang Bandung — stores, store prices and their history, stock, pairing — while the merchant
 * admin sees both.
 */
@IntegrationTest
class StoreScopedReadsIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    CatalogService catalog;

    @Autowired
    PriceService priceService;

    @Autowired
    StockService stock;

    @Autowired
    PairingCodes codes;

    @Autowired
    DeviceService devices;

    Merchant merchant;
    StoreDetails pusat;
    StoreDetails bandung;
    TestUser manager;
    UUID variant;

    @BeforeEach
    void twoStoresWithTheirOwnPricesAndStock() {
        merchant = TestMerchants.create(tenants, stores, "Lingkup");
        pusat = merchant.store();
        bandung = TestUsers.as(merchant.admin(), () -> stores.create(TestMerchants.store("Lingkup Bandung")));
        manager = TestUsers.user(merchant.tenant(), Set.of(pusat.id()), Role.STORE_MANAGER);
        variant = TestCatalog.variant(catalog, merchant.admin(), "Kopi Tubruk");
        TestUsers.run(merchant.admin(), () -> {
            priceService.setStoreOverride(pusat.id(), variant, 11_000L, true);
            priceService.setStoreOverride(bandung.id(), variant, 13_000L, true);
            stock.receive(pusat.id(), List.of(new StockQuantity(variant, 5)), "PO-P");
            stock.receive(bandung.id(), List.of(new StockQuantity(variant, 7)), "PO-B");
        });
    }

    @Test
    void aManagerSeesTheirStoresPricesAndTheirHistoryButNotAnotherStores() {
        List<PriceChange> history = TestUsers.as(manager, () -> priceService.priceHistory(variant));
        assertThat(history)
                .extracting(PriceChange::storeId)
                .contains(pusat.id())
                .doesNotContain(bandung.id());
        assertThat(history).as("the catalog price is everyone's").anyMatch(change -> change.storeId() == null);
        assertThat(TestUsers.as(manager, () -> priceService.storeOverrides(variant)))
                .extracting(StoreOverride::storeId)
                .containsExactly(pusat.id());

        assertThat(TestUsers.as(merchant.admin(), () -> priceService.priceHistory(variant)))
                .extracting(PriceChange::storeId)
                .contains(pusat.id(), bandung.id());
        assertThat(TestUsers.as(merchant.admin(), () -> priceService.storeOverrides(variant)))
                .extracting(StoreOverride::storeId)
                .containsExactlyInAnyOrder(pusat.id(), bandung.id());
    }

    @Test
    void aManagerSeesOnlyTheirStoreInTheStoreListAndCannotOpenAnother() {
        assertThat(TestUsers.as(
                        manager, () -> stores.find("", PageRequest.of(0, 10)).getContent()))
                .extracting(StoreDetails::id)
                .containsExactly(pusat.id());
        assertThatThrownBy(() -> TestUsers.as(manager, () -> stores.get(bandung.id())))
                .isInstanceOf(StoreNotFoundException.class);
    }

    @Test
    void aManagerSeesOnlyTheirStoresStock() {
        assertThat(TestUsers.as(
                        manager,
                        () -> stock.levels(null, false, false, PageRequest.of(0, 10))
                                .getContent()))
                .extracting(StockLevel::storeId)
                .containsOnly(pusat.id());
        assertThatThrownBy(() ->
                        TestUsers.as(manager, () -> stock.levels(bandung.id(), false, false, PageRequest.of(0, 10))))
                .isInstanceOf(StoreNotFoundException.class);
    }

    @Test
    void aManagerPairsDevicesOnlyForTheirStoresAndListsOnlyTheirDevices() {
        assertThat(TestUsers.as(manager, () -> codes.create(pusat.id(), null)).displayCode())
                .isNotBlank();
        assertThatThrownBy(() -> TestUsers.as(manager, () -> codes.create(bandung.id(), null)))
                .isInstanceOf(StoreNotFoundException.class);
        assertThat(TestUsers.as(
                        manager,
                        () -> devices.find("", bandung.id(), PageRequest.of(0, 10))
                                .getContent()))
                .isEmpty();
    }
}
