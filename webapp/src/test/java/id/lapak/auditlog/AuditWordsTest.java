package id.lapak.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.i18n.PortalWords;
import id.lapak.tenant.audit.AuditRecord;
import id.lapak.ui.Translator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AuditWordsTest {

    private static final UUID STORE = UUID.fromString("0b5e4d3c-2a19-4f08-9e7d-6c5b4a392817");
    private static final Path ROOT = Path.of("..");

    private final AuditWords english = new AuditWords(PortalWords.englishAsVaadin());
    private final AuditWords indonesian = new AuditWords(PortalWords.indonesianAsVaadin());

    @Test
    void anEntryReadsAsWordsWithoutCodesOrIdentifiers() {
        AuditRecord entry = entry(
                "store.updated",
                "Store",
                STORE.toString(),
                "STORE_MANAGER",
                "{\"name\":{\"before\":\"Maju\",\"after\":\"Maju Pusat\"},\"active\":{\"before\":\"true\",\"after\":\"false\"}}",
                "{\"reason\":\"renovasi\",\"storeId\":\"" + STORE + "\"}",
                "0:0:0:0:0:0:0:1");

        assertThat(english.action(entry.action())).isEqualTo("Store updated");
        assertThat(indonesian.action(entry.action())).isEqualTo("Toko diubah");
        assertThat(english.actor(entry)).isEqualTo("Siti · Store manager");
        assertThat(english.subject(entry)).isEqualTo("Store");
        assertThat(english.summary(entry)).isEqualTo("Name: Maju → Maju Pusat; Active: yes → no; Reason: renovasi");
        assertThat(indonesian.summary(entry)).isEqualTo("Nama: Maju → Maju Pusat; Aktif: ya → tidak; Alasan: renovasi");
        assertThat(AuditWords.address(entry.ip())).isEqualTo("localhost");
        assertThat(AuditWords.address("127.0.0.1")).isEqualTo("localhost");
        assertThat(AuditWords.address("203.0.113.9")).isEqualTo("203.0.113.9");
    }

    /** The audit log's action filter offers actions by their words, so every action it offers has them. */
    @Test
    void theActionFilterOffersEveryLabelledActionInWords() {
        assertThat(AuditWords.knownActions())
                .hasSizeGreaterThan(90)
                .contains("store.created", "billing.invoice.deducted", "ledger_adjustment.record")
                .allSatisfy(action -> {
                    assertThat(english.action(action))
                            .isNotBlank()
                            .doesNotContain("_")
                            .isNotEqualTo(action);
                    assertThat(indonesian.action(action))
                            .isNotBlank()
                            .doesNotContain("_")
                            .isNotEqualTo(action);
                });
        assertThat(indonesian.action("billing.invoice.deducted"))
                .isEqualTo("Tagihan Lapak dipotong dari pencairan dana");
    }

    @Test
    void lapaksOwnWorkIsNamedInWords() {
        AuditRecord billing = new AuditRecord(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                Instant.now(),
                "SYSTEM",
                "tenant billing",
                "tenant billing",
                null,
                "billing.invoice.issued",
                "SaasInvoice",
                null,
                null,
                null,
                null,
                null);
        assertThat(english.actor(billing)).isEqualTo("Lapak billing");
        assertThat(indonesian.actor(billing)).isEqualTo("Penagihan Lapak");
        AuditRecord unknown = new AuditRecord(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                Instant.now(),
                "SYSTEM",
                "night job",
                "night job",
                null,
                "store.updated",
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(english.actor(unknown)).isEqualTo("Lapak (night job)");
    }

    @Test
    void theDetailPanelKeepsEveryFactIdentifiersIncluded() {
        AuditRecord entry = entry(
                "device.retired",
                "Device",
                STORE.toString(),
                "CASHIER,STORE_MANAGER",
                null,
                "{\"reason\":\"lost\"}",
                "203.0.113.9");
        var lines = english.lines(entry, "3 Dec 2026, 10.00");

        assertThat(lines)
                .extracting(AuditWords.Line::value)
                .contains(
                        "Device retired",
                        "Device",
                        STORE.toString(),
                        "lost",
                        "203.0.113.9",
                        "device.retired",
                        "Cashier, Store manager");
    }

    /** Every action and entity kind the code records has a label in both languages. */
    @Test
    void everyRecordedActionHasALabel() {
        Set<String> actions = actions();
        for (String status : new String[] {"sent", "paid", "failed"}) {
            actions.add("payout." + status); // "payout." + the new status, in PayoutService
        }
        assertThat(actions).hasSizeGreaterThan(80).contains("sale.refund", "store.created", "view_as.started");
        Set<String> entities = recorded(Pattern.compile("AuditEvent\\.of\\([^;]*?,\\s*\"([A-Za-z]+)\","));
        assertThat(entities).contains("Store", "Sale", "Device");

        for (Translator words : new Translator[] {PortalWords.english(), PortalWords.indonesian()}) {
            actions.forEach(action -> assertThat(words.translate("audit.action." + action))
                    .as(action)
                    .isNotBlank());
            entities.forEach(entity -> assertThat(words.translate("audit.entity." + entity))
                    .as(entity)
                    .isNotBlank());
        }
    }

    private static AuditRecord entry(
            String action, String entityType, String entityId, String role, String changes, String details, String ip) {
        return new AuditRecord(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                Instant.parse("2026-12-03T03:00:00Z"),
                "PERSON",
                "u-1",
                "Siti",
                role,
                action,
                entityType,
                entityId,
                changes,
                details,
                ip,
                "Mozilla/5.0");
    }

    /**
     * The actions the main code of every module records: the text literals in the first argument of
     * {@code AuditEvent.of(…)}, and, in the classes that pass the action in a variable, their action literals.
     */
    private static Set<String> actions() {
        Pattern first = Pattern.compile("AuditEvent\\.of\\(\\s*([^,;]*?)[,)]");
        Pattern literal = Pattern.compile("\"([a-z_]+\\.[a-z_.]*[a-z])\"");
        Set<String> found = new TreeSet<>();
        sources().forEach(source -> {
            Matcher call = first.matcher(source);
            while (call.find()) {
                Matcher m = literal.matcher(call.group(1));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
            if (source.contains("AuditEvent.of(action")) {
                Matcher m = literal.matcher(source);
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        });
        return found;
    }

    private static Set<String> recorded(Pattern pattern) {
        Set<String> found = new TreeSet<>();
        sources().forEach(source -> {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                found.add(m.group(1));
            }
        });
        return found;
    }

    /** The main sources of every module that record audit entries. */
    private static List<String> sources() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(
                            f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .filter(source -> source.contains("AuditEvent.of("))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
