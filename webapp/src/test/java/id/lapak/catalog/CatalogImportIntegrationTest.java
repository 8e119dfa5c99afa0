package id.lapak.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.CatalogTransfer;
import id.lapak.catalog.items.CategoryService;
import id.lapak.catalog.items.ImportPreview;
import id.lapak.catalog.items.ImportRefusedException;
import id.lapak.catalog.items.PriceChange;
import id.lapak.catalog.items.PriceService;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** CSV import with a preview and all-or-nothing apply; CSV and XLSX export. */
@IntegrationTest
class CatalogImportIntegrationTest {

    static final String GOOD = """
            item_name,variant_name,sku,barcode,price,cost,category,unit,tax_category,active
            Kopi Susu,Regular,KS-R,8991001,18000,7000,Minuman > Kopi,gelas,PPN,true
            Kopi Susu,Large,KS-L,8991002,22000,,Minuman > Kopi,gelas,,
            "Roti Bakar, Coklat",,RB-C,,15000,,Makanan,porsi,Bebas pajak,ya
            """;

    @Autowired
    CatalogTransfer transfer;

    @Autowired
    CatalogService catalog;

    @Autowired
    PriceService priceService;

    @Autowired
    CategoryService categoryService;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    Merchant merchant;

    @BeforeEach
    void merchant() {
        merchant = TestMerchants.create(tenants, stores, "Kafe");
    }

    @Test
    void aPreviewShowsWhatWouldHappenAndWritesNothing() {
        ImportPreview preview = admin(() -> transfer.preview(bytes(GOOD)));
        assertThat(preview.errors()).isEmpty();
        assertThat(preview.creates()).extracting(ImportPreview.Line::line).containsExactly(2, 3, 4);
        assertThat(preview.newCategories()).containsExactlyInAnyOrder("Minuman > Kopi", "Makanan");
        assertThat(count("catalog_item")).isZero();
        assertThat(count("catalog_category")).isZero();
    }

    @Test
    void anImportWithBadRowsListsEveryOneAndChangesNothing() {
        admin(() -> transfer.apply(bytes(GOOD), "first.csv"));
        long versionBefore = catalogVersion();
        String bad = """
                item_name,variant_name,sku,barcode,price,cost,category,unit,tax_category,active
                Kopi Susu,Regular,KS-R,8991001,19000,7000,Minuman > Kopi,gelas,PPN,true
                Teh Tarik,,TT-1,,12.500,,Minuman,gelas,,
                Es Jeruk,,EJ-1,,9000,,Minuman,gelas,Pajak Rahasia,
                Es Teh,,KS-R,,5000,,Minuman,gelas,,
                Air Mineral,,AM 1,,4000,,Baru,botol,,maybe
                Kopi Hitam,,KH-1,8991002,10000,,Minuman,gelas,,
                """;
        ImportPreview preview = admin(() -> transfer.preview(bytes(bad)));
        assertThat(preview.errors())
                .extracting(p -> p.line() + ":" + p.column() + ":" + p.messageKey())
                .containsExactly(
                        "3:price:catalog.import.error.price",
                        "4:tax_category:catalog.error.tax.unknown",
                        "5:sku:catalog.import.error.sku.repeated",
                        "6:active:catalog.import.error.active",
                        "7:barcode:catalog.error.barcode.taken");
        assertThatThrownBy(() -> admin(() -> transfer.apply(bytes(bad), "bad.csv")))
                .isInstanceOf(ImportRefusedException.class);
        // The good first row did not change the price; no category "Baru" or "Minuman" appeared; the version held.
        var ksr = admin(() -> catalog.findBySku("KS-R")).orElseThrow();
        assertThat(ksr.priceMinor()).isEqualTo(18_000);
        assertThat(admin(() -> categoryService.categories()))
                .extracting(c -> c.name())
                .containsExactlyInAnyOrder("Minuman", "Kopi", "Makanan");
        assertThat(catalogVersion()).isEqualTo(versionBefore);
        assertThat(count("catalog_variant")).isEqualTo(3);
    }

    @Test
    void aMalformedFileIsReportedWithItsLine() {
        String broken = "item_name,sku,price\nTeh,T-1,5000\n\"Kopi,K-1,6000\n";
        ImportPreview preview = admin(() -> transfer.preview(bytes(broken)));
        assertThat(preview.errors()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.messageKey()).isEqualTo("catalog.import.error.malformed");
        });
        ImportPreview unknownColumn = admin(() -> transfer.preview(bytes("item_name,sku,price,colour\n")));
        assertThat(unknownColumn.errors())
                .extracting(ImportPreview.Problem::messageKey)
                .contains("catalog.import.error.column.unknown");
    }

    @Test
    void anAppliedImportCreatesUpdatesKeepsPriceHistoryAndIsAudited() {
        admin(() -> transfer.apply(bytes(GOOD), "first.csv"));
        assertThat(admin(() ->
                        catalog.findItems("", null, null, PageRequest.of(0, 10)).getTotalElements()))
                .isEqualTo(2);
        var regular = admin(() -> catalog.findBySku("KS-R")).orElseThrow();
        String update = """
                item_name;variant_name;sku;price
                Kopi Susu;Regular;KS-R;19000
                Kopi Susu;Large;KS-L;22000
                Kopi Susu;Extra Large;KS-XL;26000
                """;
        ImportPreview preview = admin(() -> transfer.preview(bytes(update)));
        assertThat(preview.updates()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("KS-R");
            assertThat(l.change()).isEqualTo("18000 → 19000");
        });
        assertThat(preview.creates()).extracting(ImportPreview.Line::sku).containsExactly("KS-XL");
        assertThat(preview.unchanged()).isEqualTo(1);
        admin(() -> transfer.apply(bytes(update), "update.csv"));

        var item = admin(() -> catalog.get(regular.itemId()));
        assertThat(item.variants()).extracting(v -> v.sku()).containsExactly("KS-R", "KS-L", "KS-XL");
        List<PriceChange> history = admin(() -> priceService.priceHistory(regular.variantId()));
        assertThat(history.getFirst().oldPriceMinor()).isEqualTo(18_000);
        assertThat(history.getFirst().newPriceMinor()).isEqualTo(19_000);
        assertThat(history.getFirst().source()).isEqualTo("IMPORT");
        long imported = inTenant(() -> jdbc.sql("select count(*) from audit_entry where action = 'catalog.imported'")
                .query(Long.class)
                .single());
        assertThat(imported).isEqualTo(2);
    }

    @Test
    void anExportImportsBackAsUnchangedAndTheWorkbookHoldsTheRows() throws Exception {
        admin(() -> transfer.apply(bytes(GOOD), "first.csv"));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        TestUsers.run(merchant.admin(), () -> transfer.exportCsv(csv));
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("\"Roti Bakar, Coklat\"", "Minuman > Kopi");
        ImportPreview back = admin(() -> transfer.preview(csv.toByteArray()));
        assertThat(back.errors()).isEmpty();
        assertThat(back.unchanged()).isEqualTo(3);
        assertThat(back.applicable()).isFalse();

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        TestUsers.run(merchant.admin(), () -> transfer.exportXlsx(xlsx));
        String sheet = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx.toByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(sheet).contains("KS-L", "Roti Bakar, Coklat", "22000");
    }

    @Test
    void onlyAMerchantAdminImportsOrExports() {
        var manager = TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.STORE_MANAGER);
        assertThatThrownBy(() -> TestUsers.as(manager, () -> transfer.apply(bytes(GOOD), "x.csv")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.run(manager, () -> transfer.exportCsv(new ByteArrayOutputStream())))
                .isInstanceOf(AccessDeniedException.class);
    }

    private long catalogVersion() {
        return inTenant(() -> jdbc.sql("select coalesce(max(version), 0) from catalog_version")
                .query(Long.class)
                .single());
    }

    private long count(String table) {
        return inTenant(() ->
                jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }

    private long inTenant(java.util.function.Supplier<Long> query) {
        return TestUsers.as(merchant.admin(), () -> new TransactionTemplate(transactions).execute(s -> query.get()));
    }

    private <T> T admin(java.util.concurrent.Callable<T> work) {
        return TestUsers.as(merchant.admin(), work);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
