package id.lapak.tenant;

/** Support's tenant list filters: free text (name or legal name), a status and a plan; blank means any. */
public record TenantFilter(String text, String status, String plan) {

    public static TenantFilter none() {
        return new TenantFilter(null, null, null);
    }
}
