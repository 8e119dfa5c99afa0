package id.lapak.device.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppVersionsTest {

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(AppVersions.compare("1.9.3", "1.10.0")).isNegative();
        assertThat(AppVersions.compare("1.10.0", "1.9.3")).isPositive();
        assertThat(AppVersions.compare("1.4", "1.4.0")).isZero();
        assertThat(AppVersions.compare("2.0.0-beta", "2.0.0")).isZero();
        assertThat(AppVersions.compare("1.4.0", "2")).isNegative();
    }
}
