package id.lapak.tenant.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void escapesWhatJsonRequiresAndNothingElse() {
        assertThat(JsonText.quote("Kopi \"Tubruk\" \\ 100%")).isEqualTo("\"Kopi \\\"Tubruk\\\" \\\\ 100%\"");
        assertThat(JsonText.quote("a\nb\rc\td")).isEqualTo("\"a\\nb\\rc\\td\"");
        assertThat(JsonText.quote("\u0001")).isEqualTo("\"\\u0001\"");
        assertThat(JsonText.quote("Rp 15.000 · ñ")).isEqualTo("\"Rp 15.000 · ñ\"");
        assertThat(JsonText.quote(null)).isEqualTo("null");
        assertThat(JsonText.quote(42)).isEqualTo("\"42\"");
    }

    @Test
    void theOutputIsStableBecauseAuditHashesDependOnIt() {
        // The canonical form recorded audit entries were hashed with; a change here breaks their verification.
        assertThat(JsonText.quote("x\u001fy")).isEqualTo("\"x\\u001fy\"");
    }
}
