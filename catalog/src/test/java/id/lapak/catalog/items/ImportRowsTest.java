package id.lapak.catalog.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading an import file into rows, without a catalog: every problem by line and column, good rows passed on. */
class ImportRowsTest {

    private static final Currency IDR = Currency.getInstance("IDR");
    private static final Set<String> TAXES = Set.of("ppn 11%", "bebas pajak");

    @Test
    void goodRowsAreReadCellByCell() {
        ImportRows.Read read = read("""
                item_name,variant_name,sku,price,cost,category,active,tax_category
                Kopi Susu,Besar,KS-L,18000,9000,Minuman > Kopi,ya,PPN 11%
                Roti Bakar,,RB-1,15000,,Makanan,tidak,
                """);
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).isEqualTo(2);
        assertThat(read.columns())
                .contains("item_name", "sku", "price", "tax_category")
                .doesNotContain("barcode");
        assertThat(read.good())
                .containsExactly(
                        new ImportRows.Row(
                                2,
                                "Kopi Susu",
                                "Besar",
                                "KS-L",
                                "",
                                18_000,
                                9_000L,
                                "Minuman > Kopi",
                                "",
                                "PPN 11%",
                                true),
                        new ImportRows.Row(3, "Roti Bakar", "", "RB-1", "", 15_000, null, "Makanan", "", "", false));
    }

    @Test
    void everyBadCellIsNamedAndItsRowIsNotPassedOn() {
        ImportRows.Read read = read("""
                item_name,sku,barcode,price,cost,active,category,tax_category
                Teh,T-1,899,5000,,,,
                Teh Tarik,t-1,899,-1,abc,mungkin,A > B > C,PPN 5%
                Es,E-1,,5000,,,,
                Es Jeruk,E-2
                """);
        assertThat(read.good()).extracting(ImportRows.Row::line).containsExactly(2, 4);
        assertThat(read.problems())
                .extracting(p -> p.line() + ":" + p.column() + ":" + p.messageKey())
                .containsExactly(
                        "3:price:catalog.import.error.price",
                        "3:cost:catalog.import.error.price",
                        "3:active:catalog.import.error.active",
                        "3:category:catalog.import.error.category",
                        "3:tax_category:catalog.error.tax.unknown",
                        "3:sku:catalog.import.error.sku.repeated",
                        "3:barcode:catalog.import.error.barcode.repeated",
                        "5::catalog.import.error.fields");
    }

    @Test
    void aFileThatCannotBeReadIsRefusedOnLineOne() {
        assertThat(ImportRows.read(new byte[0], IDR, TAXES).problems())
                .extracting(ImportPreview.Problem::messageKey)
                .containsExactly("catalog.import.error.empty");
        assertThat(ImportRows.read(new byte[] {(byte) 0xC3, (byte) 0x28}, IDR, TAXES)
                        .problems())
                .extracting(ImportPreview.Problem::messageKey)
                .containsExactly("catalog.import.error.encoding");
        assertThat(read("item_name,sku,price,colour,sku\n").problems())
                .extracting(p -> p.line() + ":" + p.column() + ":" + p.messageKey())
                .containsExactly(
                        "1:colour:catalog.import.error.column.unknown", "1:sku:catalog.import.error.column.twice");
        assertThat(read("item_name,sku\nTeh,T-1\n").problems())
                .extracting(ImportPreview.Problem::column)
                .containsExactly("price");
        assertThat(read("item_name,sku,price\n").problems())
                .extracting(ImportPreview.Problem::messageKey)
                .containsExactly("catalog.import.error.empty");
        StringBuilder many = new StringBuilder("item_name,sku,price\n");
        for (int i = 0; i <= CatalogTransfer.MAX_ROWS; i++) {
            many.append("Teh,T-").append(i).append(",5000\n");
        }
        ImportRows.Read tooMany = read(many.toString());
        assertThat(tooMany.problems())
                .extracting(ImportPreview.Problem::messageKey)
                .containsExactly("catalog.import.error.rows");
        assertThat(tooMany.good()).isEmpty();
        assertThat(List.of(tooMany.rows())).containsExactly(CatalogTransfer.MAX_ROWS + 1);
    }

    private static ImportRows.Read read(String csv) {
        return ImportRows.read(csv.getBytes(StandardCharsets.UTF_8), IDR, TAXES);
    }
}
