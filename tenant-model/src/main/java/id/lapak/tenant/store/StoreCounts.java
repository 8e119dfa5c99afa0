package id.lapak.tenant.store;

public record StoreCounts(long active, long inactive) {

    public long total() {
        return active + inactive;
    }
}
