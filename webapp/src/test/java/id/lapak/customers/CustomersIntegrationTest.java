package id.lapak.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.catalog.customers.CustomerDetails;
import id.lapak.catalog.customers.CustomerFigures;
import id.lapak.catalog.customers.CustomerForm;
import id.lapak.catalog.customers.CustomerNotFoundException;
import id.lapak.catalog.customers.CustomerPurchase;
import id.lapak.catalog.customers.CustomerService;
import id.lapak.catalog.customers.InvalidCustomerException;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.sale.SaleCompleted;
import id.lapak.tenant.sale.SaleLine;
import id.lapak.tenant.sale.SaleRefunded;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import id.lapak.testing.TestUsers;
import id.lapak.testing.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Customer records, search, purchase figures from sale events, merge, export and erase, and tenant isolation. */
@IntegrationTest
class CustomersIntegrationTest {

    @Autowired
    TenantSeal seal;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    CustomerService customers;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformAccess platform;

    @Value("${spring.datasource.url}")
    String url;

    Merchant merchant;
    TestUser admin;
    TestUser cashier;

    @BeforeEach
    void merchant() {
        merchant = TestMerchants.create(tenants, stores, "Pelanggan");
        admin = merchant.admin();
        cashier = TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.CASHIER);
    }

    @Test
    void searchFindsByNamePhoneInEitherFormEmailAndTag() {
        CustomerDetails siti = create(
                admin, new CustomerForm("Siti Rahma", "+62 812-3456-7890", "siti@contoh.id", "", Set.of("VIP"), true));
        create(admin, new CustomerForm("Budi Santoso", "021 555 0101", "", "", Set.of("reseller"), false));

        assertThat(names(cashier, "rahma", null)).containsExactly("Siti Rahma");
        assertThat(names(cashier, "0812 3456", null)).containsExactly("Siti Rahma");
        assertThat(names(cashier, "SITI@contoh", null)).containsExactly("Siti Rahma");
        assertThat(names(cashier, "", "vip")).containsExactly("Siti Rahma");
        assertThat(names(cashier, "", null)).containsExactly("Budi Santoso", "Siti Rahma");
        assertThat(names(cashier, "5550101", null)).containsExactly("Budi Santoso");
        assertThat(siti.marketingConsentAt()).isNotNull();
        assertThat(siti.tags()).containsExactly("vip");
    }

    @Test
    void cashiersReadButCannotWriteAndBadInputIsRefusedWithReasons() {
        assertThatThrownBy(() -> create(cashier, new CustomerForm("Ani", "", "", "", Set.of(), false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> create(admin, new CustomerForm(" ", "12", "not-an-email", "", Set.of("a,b"), false)))
                .isInstanceOfSatisfying(
                        InvalidCustomerException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .containsExactly("name", "phone", "email", "tags"));
        TestUser manager =
                TestUsers.user(merchant.tenant(), Set.of(merchant.store().id()), Role.STORE_MANAGER);
        CustomerDetails ani = create(manager, new CustomerForm("Ani", "", "", "", Set.of(), false));
        assertThatThrownBy(() -> TestUsers.as(manager, () -> customers.erase(ani.id(), "asked")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(TestUsers.as(cashier, () -> customers.get(ani.id())).name()).isEqualTo("Ani");
    }

    @Test
    void figuresComeFromSalesAndRefunds() {
        CustomerDetails c = create(admin, new CustomerForm("Dewi", "", "dewi@contoh.id", "", Set.of(), false));
        Instant t1 = Instant.parse("2026-11-01T03:00:00Z");
        Instant t2 = Instant.parse("2026-11-10T03:00:00Z");
        UUID sale1 = sale(c.id(), 100_000, t1);
        sale(c.id(), 50_000, t2);
        sale(null, 999_000, t2); // no customer: counts for nobody
        refund(sale1, null, 20_000, t2.plusSeconds(60));

        List<CustomerFigures> figures = TestUsers.as(cashier, () -> customers.figures(c.id()));
        assertThat(figures).containsExactly(new CustomerFigures("IDR", 130_000, 2, t2, 75_000));
        List<CustomerPurchase> history = TestUsers.as(
                cashier,
                () -> customers.purchases(c.id(), PageRequest.of(0, 10)).getContent());
        assertThat(history)
                .extracting(CustomerPurchase::kind)
                .containsExactly(CustomerPurchase.Kind.REFUND, CustomerPurchase.Kind.SALE, CustomerPurchase.Kind.SALE);
    }

    @Test
    void mergeMovesPurchasesKeepsTheSurvivorAndLaterSalesOfTheOldIdCountForTheSurvivor() {
        CustomerDetails survivor =
                create(admin, new CustomerForm("Rina", "", "rina@contoh.id", "", Set.of("vip"), false));
        CustomerDetails duplicate =
                create(admin, new CustomerForm("Rina W.", "0813 1111 2222", "", "Suka kopi", Set.of("kopi"), false));
        sale(survivor.id(), 10_000, Instant.parse("2026-11-01T03:00:00Z"));
        sale(duplicate.id(), 20_000, Instant.parse("2026-11-02T03:00:00Z"));

        CustomerDetails merged = TestUsers.as(admin, () -> customers.merge(survivor.id(), duplicate.id()));
        assertThat(merged.name()).isEqualTo("Rina");
        assertThat(merged.phone()).isEqualTo("0813 1111 2222");
        assertThat(merged.tags()).containsExactlyInAnyOrder("vip", "kopi");
        assertThat(merged.notes()).isEqualTo("Suka kopi");

        sale(duplicate.id(), 5_000, Instant.parse("2026-11-03T03:00:00Z"));
        assertThat(TestUsers.as(admin, () -> customers.figures(survivor.id())))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.totalSpentMinor()).isEqualTo(35_000);
                    assertThat(f.visits()).isEqualTo(3);
                });
        assertThatThrownBy(() -> TestUsers.as(admin, () -> customers.get(duplicate.id())))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThat(names(admin, "rina", null)).containsExactly("Rina");
        assertThat(auditActions(duplicate.id().toString(), survivor.id().toString()))
                .contains("customer.merged");
    }

    @Test
    void exportHoldsTheCustomersDataAndIsAudited() {
        CustomerDetails c =
                create(admin, new CustomerForm("Wayan", "+62 361 222", "wayan@contoh.id", "Bali", Set.of("vip"), true));
        sale(c.id(), 42_000, Instant.parse("2026-11-05T03:00:00Z"));
        assertThatThrownBy(() -> TestUsers.as(cashier, () -> customers.exportJson(c.id())))
                .isInstanceOf(AccessDeniedException.class);

        JsonNode json = JsonMapper.builder().build().readTree(TestUsers.as(admin, () -> customers.exportJson(c.id())));
        assertThat(json.get("customer").get("name").asString()).isEqualTo("Wayan");
        assertThat(json.get("customer").get("email").asString()).isEqualTo("wayan@contoh.id");
        assertThat(json.get("customer").get("marketingConsent").asBoolean()).isTrue();
        assertThat(json.get("purchases")).hasSize(1);
        assertThat(json.get("purchases").get(0).get("amountMinor").asLong()).isEqualTo(42_000);
        assertThat(auditActions(c.id().toString())).contains("customer.exported");
    }

    @Test
    void eraseLeavesNoPersonalDataInTheDatabaseButKeepsTheSalesAnonymous() {
        CustomerDetails c = create(
                admin,
                new CustomerForm(
                        "Putu Erased",
                        "+62 811 9999 0000",
                        "putu.erased@contoh.id",
                        "Alergi kacang",
                        Set.of("rahasia"),
                        true));
        TestUsers.run(
                admin,
                () -> customers.update(
                        c.id(),
                        c.version(),
                        new CustomerForm(
                                "Putu Erased-Update",
                                "+62 811 9999 0000",
                                "putu.erased@contoh.id",
                                "Alergi kacang",
                                Set.of("rahasia"),
                                true)));
        UUID saleId = sale(c.id(), 77_000, Instant.parse("2026-11-06T03:00:00Z"));
        assertThatThrownBy(() -> TestUsers.as(admin, () -> customers.erase(c.id(), " ")))
                .isInstanceOf(InvalidCustomerException.class);

        CustomerDetails erased = TestUsers.as(admin, () -> customers.erase(c.id(), "Customer asked under UU PDP"));
        assertThat(erased.erased()).isTrue();
        assertThat(erased.name()).isNull();

        Map<String, Object> row = platform.call(
                "test: read erased customer",
                () -> jdbc.sql("select * from customer where id = ?")
                        .param(c.id())
                        .query()
                        .singleRow());
        assertThat(row.get("name")).isNull();
        assertThat(row.get("phone")).isNull();
        assertThat(row.get("phone_digits")).isEqualTo("");
        assertThat(row.get("email")).isNull();
        assertThat(row.get("notes")).isNull();
        assertThat(row.get("tags")).isEqualTo("");
        assertThat(row.get("marketing_consent")).isEqualTo(false);
        assertThat(row.get("marketing_consent_at")).isNull();
        // Nothing anywhere in the database still holds the personal values: not the customer, the purchases or audit.
        for (String value :
                List.of("Putu Erased", "putu.erased@contoh.id", "811 9999", "8119999", "Alergi", "rahasia")) {
            assertThat(tablesContaining(value)).as(value).isEmpty();
        }
        Long sales = platform.call(
                "test: purchases kept",
                () -> jdbc.sql("select count(*) from customer_purchase where sale_id = ?")
                        .param(saleId)
                        .query(Long.class)
                        .single());
        assertThat(sales).isOne();
        assertThat(TestUsers.as(admin, () -> customers.figures(c.id())))
                .singleElement()
                .satisfies(f -> assertThat(f.totalSpentMinor()).isEqualTo(77_000));
        assertThat(auditActions(c.id().toString())).contains("customer.created", "customer.updated", "customer.erased");
        assertThat(names(admin, "putu", null)).isEmpty();
    }

    @Test
    void anotherTenantSeesNoneOfItThroughTheServiceOrRawSql() throws SQLException {
        CustomerDetails mine = create(admin, new CustomerForm("Milik A", "", "", "", Set.of(), false));
        sale(mine.id(), 1_000, Instant.parse("2026-11-07T03:00:00Z"));
        Merchant other = TestMerchants.create(tenants, stores, "Lain");

        assertThat(names(other.admin(), "", null)).isEmpty();
        TestUsers.run(other.admin(), () -> {
            assertThatThrownBy(() -> customers.get(mine.id())).isInstanceOf(CustomerNotFoundException.class);
            assertThatThrownBy(() -> customers.figures(mine.id())).isInstanceOf(CustomerNotFoundException.class);
            assertThatThrownBy(() -> customers.erase(mine.id(), "x")).isInstanceOf(CustomerNotFoundException.class);
            assertThatThrownBy(() -> customers.exportJson(mine.id())).isInstanceOf(CustomerNotFoundException.class);
        });

        try (Connection c = DriverManager.getConnection(url, "lapak_app", "lapak_app")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from customer")).isZero();
                assertThat(count(s, "select count(*) from customer_purchase")).isZero();
            }
            seal.apply(c, other.tenant());
            try (Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from customer where id = '" + mine.id() + "'"))
                        .isZero();
                assertThat(count(s, "select count(*) from customer_purchase where customer_id = '" + mine.id() + "'"))
                        .isZero();
                assertThat(s.executeUpdate("update customer set name = 'x' where id = '" + mine.id() + "'"))
                        .isZero();
                assertThat(count(
                                s,
                                "select count(*) from pg_class where relname in ('customer', 'customer_purchase')"
                                        + " and relrowsecurity and relforcerowsecurity"))
                        .isEqualTo(2);
            }
            assertThatThrownBy(() -> {
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate(
                                    "insert into customer (tenant_id, id, name, status, created_at, updated_at) values ('"
                                            + merchant.tenant()
                                            + "', gen_random_uuid(), 'Planted', 'ACTIVE', now(), now())");
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            c.rollback();
        }
    }

    private CustomerDetails create(TestUser user, CustomerForm form) {
        return TestUsers.as(user, () -> customers.create(form));
    }

    private List<String> names(TestUser user, String search, String tag) {
        return TestUsers.as(
                user,
                () -> customers.find(search, tag, PageRequest.of(0, 50)).getContent().stream()
                        .map(CustomerDetails::name)
                        .toList());
    }

    private UUID sale(UUID customerId, long total, Instant at) {
        UUID saleId = UUID.randomUUID();
        inTransaction(() -> events.publishEvent(new SaleCompleted(
                merchant.tenant(),
                saleId,
                merchant.store().id(),
                null,
                customerId,
                "IDR",
                total,
                0,
                0,
                at,
                List.of(new SaleLine(UUID.randomUUID(), "Kopi", 2, total / 2, 0, total)))));
        return saleId;
    }

    private void refund(UUID saleId, UUID customerId, long amount, Instant at) {
        inTransaction(() -> events.publishEvent(new SaleRefunded(
                merchant.tenant(),
                saleId,
                UUID.randomUUID(),
                merchant.store().id(),
                null,
                customerId,
                "IDR",
                amount,
                at,
                List.of())));
    }

    private void inTransaction(Runnable work) {
        TenantContext.runAs(
                merchant.tenant(),
                () -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> work.run()));
    }

    private List<String> auditActions(String... entityIds) {
        return platform.call(
                "test: audit actions",
                () -> jdbc.sql("select action from audit_entry where entity_id = any(?) order by seq")
                        .param(entityIds)
                        .query(String.class)
                        .list());
    }

    /** Every table and text column that holds {@code value} anywhere in the schema. */
    private List<String> tablesContaining(String value) {
        return platform.call("test: search every text column", () -> {
            List<Map<String, Object>> columns = jdbc.sql("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')""").query().listOfRows();
            List<String> hits = new java.util.ArrayList<>();
            for (Map<String, Object> column : columns) {
                String sql = "select count(*) from \"" + column.get("table_name") + "\" where \""
                        + column.get("column_name") + "\"::text ilike ?";
                Long n =
                        jdbc.sql(sql).param("%" + value + "%").query(Long.class).single();
                if (n > 0) {
                    hits.add(column.get("table_name") + "." + column.get("column_name"));
                }
            }
            return hits;
        });
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
