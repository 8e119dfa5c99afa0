package id.lapak.tenant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit CSV quotes what needs quoting and never hands a spreadsheet a formula. */
class AuditCsvTest {

    @Test
    void fieldsAreQuotedAndFormulasNeutralised() {
        assertThat(AuditLog.csv(null)).isEmpty();
        assertThat(AuditLog.csv("store.created")).isEqualTo("store.created");
        assertThat(AuditLog.csv("{\"name\":{\"before\":\"A\",\"after\":\"B\"}}"))
                .isEqualTo("\"{\"\"name\"\":{\"\"before\"\":\"\"A\"\",\"\"after\"\":\"\"B\"\"}}\"");
        assertThat(AuditLog.csv("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(AuditLog.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditLog.csv("+62 812")).isEqualTo("\"'+62 812\"");
        assertThat(AuditLog.csv(42L)).isEqualTo("42");
    }
}
