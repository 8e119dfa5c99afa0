package id.lapak.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.billing.settlement.SettlementCloser;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestMerchants;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's settled days: four closed days with payouts, a late upload among them, written once. */
@IntegrationTest
class DemoSettlementIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettlementCloser closer;

    @Test
    void fourWeeksAreSettledOnceWithTheirPayoutsAndItems() {
        var merchant = TestMerchants.create(tenants, stores, "Toko Demo");
        DemoSettlement demo = new DemoSettlement(platform, jdbc, closer);
        Instant now = Instant.parse("2026-12-02T05:00:00Z"); // noon in Jakarta

        assertThat(demo.seed(merchant.tenant(), List.of(merchant.store().id()), now))
                .isTrue();
        assertThat(demo.seed(merchant.tenant(), List.of(merchant.store().id()), now))
                .isFalse();

        long batches = count("select count(*) from settlement_batch where tenant_id = ?", merchant);
        long payouts = count("select count(*) from payout where tenant_id = ?", merchant);
        long late = count("select count(*) from settlement_line where tenant_id = ? and late", merchant);
        long unbalanced = count("""
                select count(*) from (select transaction_id from ledger_entry where tenant_id = ?
                    group by transaction_id having sum(amount_minor) <> 0) u""", merchant);
        assertThat(batches).as("one batch per day before today").isEqualTo(DemoSettlement.DAYS);
        assertThat(payouts).isEqualTo(DemoSettlement.DAYS);
        assertThat(late).as("three offline sales uploaded the next morning").isEqualTo(3);
        assertThat(count("select count(*) from catalog_item where tenant_id = ?", merchant))
                .isEqualTo(8);
        assertThat(count("""
                select count(*) from sale s where tenant_id = ? and amount_minor <> (select sum(total_minor)
                    from sale_line l where l.tenant_id = s.tenant_id and l.sale_id = s.id)""", merchant))
                .as("every demo sale is the sum of its lines")
                .isZero();
        assertThat(unbalanced).isZero();
        assertThat(count("select count(distinct cashier_code) from sale where tenant_id = ?", merchant))
                .as("a few cashiers in the store")
                .isEqualTo(3);
        assertThat(count("select count(*) from sale where tenant_id = ? and cashier_code is null", merchant))
                .as("some sales name no cashier")
                .isPositive();
        assertThat(count("""
                select count(*) from sale s where tenant_id = ? and discount_minor > 0 and discount_minor = (
                    select sum(discount_minor) from sale_line l where l.tenant_id = s.tenant_id and l.sale_id = s.id
                      and l.total_minor = l.quantity * l.unit_price_minor - l.discount_minor)""", merchant))
                .as("discounted sales, each the sum of its lines' discounts")
                .isPositive();
    }

    private long count(String sql, TestMerchants.Merchant merchant) {
        return platform.call(
                "test",
                () -> jdbc.sql(sql).param(merchant.tenant()).query(Long.class).single());
    }
}
