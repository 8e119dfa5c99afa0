package id.lapak.mail;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.identity.TeamMember;
import id.lapak.tenant.access.Role;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who a tenant's administrative mail goes to: every enabled merchant admin and the onboarding address, once each. */
class TenantAdminsTest {

    @Test
    void everyEnabledMerchantAdminAndTheOnboardingAddressEachOnce() {
        List<TeamMember> people = List.of(
                person("ani@toko.id", Role.MERCHANT_ADMIN, true),
                person("budi@toko.id", Role.MERCHANT_ADMIN, true),
                person("OWNER@toko.id", Role.MERCHANT_ADMIN, true),
                person("lama@toko.id", Role.MERCHANT_ADMIN, false),
                person("kasir@toko.id", Role.CASHIER, true),
                person("manajer@toko.id", Role.STORE_MANAGER, true),
                person(null, Role.MERCHANT_ADMIN, true));

        TenantAdmins.Recipients to =
                TenantAdmins.recipients(people, "owner@toko.id", "ID").orElseThrow();

        assertThat(to.emails()).containsExactly("ani@toko.id", "budi@toko.id", "OWNER@toko.id");
        assertThat(to.locale()).isEqualTo(Locale.forLanguageTag("id-ID"));
    }

    @Test
    void withoutAdminsInKeycloakTheOnboardingAddressAloneInEnglishOutsideIndonesia() {
        assertThat(TenantAdmins.recipients(List.of(), "owner@shop.sg", "SG")).hasValueSatisfying(to -> {
            assertThat(to.emails()).containsExactly("owner@shop.sg");
            assertThat(to.locale()).isEqualTo(Locale.ENGLISH);
        });
        assertThat(TenantAdmins.recipients(List.of(), " ", "ID")).isEmpty();
    }

    private static TeamMember person(String email, Role role, boolean enabled) {
        return new TeamMember(UUID.randomUUID().toString(), email, "A", "B", role, Set.of(), enabled, false);
    }
}
