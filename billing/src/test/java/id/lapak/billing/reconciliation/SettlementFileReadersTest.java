package id.lapak.billing.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The two file layouts as Lapak reads them, and how exceptions age, without a database. */
class SettlementFileReadersTest {

    private static final String HEADER = "Psp Reference,Merchant Reference,Type,Creation Date,TimeZone,Gross Debit,"
            + "Gross Credit,Net Debit,Net Credit,Commission,Batch Number,Currency\r\n";

    private static List<AcquirerLine> generic(String text) {
        return GenericCsvReader.read(new CsvRecords(new StringReader(text)), "IDR");
    }

    @Test
    void theGenericCsvReadsQuotedFieldsZonesAndBothSides() {
        List<AcquirerLine> lines = generic("\uFEFF" + HEADER
                + "\"SBXC-1\",\"ref, with comma\",Settled,2026-12-02 23:30:00,WITA,,100000,,97700,2300,7,IDR\r\n"
                + "\r\n"
                + "SBXR-1,,Refunded,2026-12-03T00:30:00,+07:00,20000,,20000,,,,idr\n"
                + "x,,MerchantPayout,2026-12-03 01:00:00,WIB,77700,,77700,,,7,IDR\n");
        assertThat(lines).hasSize(2);
        AcquirerLine capture = lines.getFirst();
        assertThat(capture.merchantReference()).isEqualTo("ref, with comma");
        assertThat(capture.bookedAt()).isEqualTo(Instant.parse("2026-12-02T15:30:00Z"));
        assertThat(capture.grossMinor()).isEqualTo(100_000);
        assertThat(capture.netMinor()).isEqualTo(97_700);
        AcquirerLine refund = lines.get(1);
        assertThat(refund.lineNo()).isEqualTo(4);
        assertThat(refund.type()).isEqualTo(EntryType.REFUND);
        assertThat(refund.grossMinor()).isEqualTo(-20_000);
        assertThat(refund.commissionMinor()).isZero();
        assertThat(refund.bookedAt()).isEqualTo(Instant.parse("2026-12-02T17:30:00Z"));
    }

    @Test
    void badLinesAreRefusedWithTheirLineNumber() {
        assertRefused(
                HEADER + "a,,Settled,2026-12-02 10:00:00,WIB,,100,,100,,,IDR\r\nb,,Settled,2026-12-02,WIB,,100,,"
                        + "100,,,IDR\r\n",
                "bad_date",
                3);
        assertRefused(HEADER + "a,,Settled,2026-12-02 10:00:00,WIB,100,,100,,,,IDR\r\n", "wrong_side", 2);
        assertRefused(HEADER + "a,,Fee,2026-12-02 10:00:00,WIB,100,,100,,,,IDR\r\n", "unknown_type", 2);
        assertRefused(HEADER + "a,,Settled,2026-12-02 10:00:00,WIB,,-5,,-5,,,IDR\r\n", "bad_number", 2);
        assertRefused(HEADER + "a,,Settled,2026-12-02 10:00:00,WIB,,100,,100,,IDR\r\n", "wrong_field_count", 2);
        assertRefused(HEADER + "\"a,,Settled\r\n", "malformed_csv", 2);
        assertRefused("", "missing_header", 0);
    }

    private static void assertRefused(String text, String reason, int line) {
        assertThatThrownBy(() -> generic(text)).isInstanceOfSatisfying(ReconciliationFileException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.line()).isEqualTo(line);
        });
    }

    @Test
    void theSandboxFileRefusesAnotherMerchantsLine() {
        UUID tenant = UUID.randomUUID();
        String header = "journal_id,booked_at,type,psp_reference,merchant_reference,authorization_reference,"
                + "merchant_id,brand,currency,amount_minor,commission_minor,net_minor,batch\r\n";
        String mine = "1,2026-12-02T03:00:00Z,CAPTURE,SBXC-1,op-1,SBXA-1," + tenant + ",VISA,IDR,100000,2300,97700,"
                + "SBX-20261202\r\n";
        assertThat(SandboxFileReader.read(new CsvRecords(new StringReader(header + mine)), tenant, "IDR"))
                .singleElement()
                .satisfies(l -> assertThat(l.netMinor()).isEqualTo(97_700));
        String theirs = mine.replace(tenant.toString(), UUID.randomUUID().toString());
        assertThatThrownBy(() ->
                        SandboxFileReader.read(new CsvRecords(new StringReader(header + mine + theirs)), tenant, "IDR"))
                .isInstanceOfSatisfying(ReconciliationFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo("other_merchant");
                    assertThat(e.line()).isEqualTo(3);
                });
    }

    @Test
    void anExceptionAgesByCalendarDaysInTheTenantsZone() {
        ZoneId wib = ZoneId.of("Asia/Jakarta");
        Instant lateEvening = Instant.parse("2026-12-02T16:30:00Z"); // 23:30 WIB
        assertThat(Reconciliation.ageDays(lateEvening, Instant.parse("2026-12-02T17:30:00Z"), wib))
                .isOne();
        assertThat(Reconciliation.ageDays(lateEvening, Instant.parse("2026-12-02T16:59:00Z"), wib))
                .isZero();
        assertThat(Reconciliation.ageDays(lateEvening, Instant.parse("2026-12-05T17:30:00Z"), wib))
                .isEqualTo(4);
        assertThat(Reconciliation.ageDays(lateEvening, Instant.parse("2026-12-02T17:30:00Z"), ZoneId.of("UTC")))
                .isZero();
    }
}
