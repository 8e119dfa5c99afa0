package id.lapak.identity;

import id.lapak.tenant.TenantPlan;
import java.time.ZoneId;
import java.util.Currency;

final class OnboardingRequests {

    private OnboardingRequests() {}

    static TenantRequest request(String name, String adminEmail) {
        return new TenantRequest(
                name + " " + java.util.UUID.randomUUID().toString().substring(0, 8),
                "PT " + name,
                "01.234.567.8-901.000",
                "ID",
                Currency.getInstance("IDR"),
                ZoneId.of("Asia/Jakarta"),
                TenantPlan.GROWTH,
                adminEmail,
                "Sari",
                "Wulandari");
    }
}
