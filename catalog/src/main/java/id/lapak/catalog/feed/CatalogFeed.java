package id.lapak.catalog.feed;

import id.lapak.catalog.items.CatalogVersions;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.context.TenantContext;
import id.lapak.tenant.money.CurrencyUnits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the catalog changes a device's store has not seen yet. Every table of the catalog keeps the version of each
 * row's last change (deleted rows stay as tombstones), so a page is one index range scan per table from the cursor
 * on, merged by (version, id, kind). The SQL names the tenant explicitly; row-level security filters it again.
 */
@Service
public class CatalogFeed {

    static final int DEFAULT_LIMIT = 10_000;
    static final int MAX_LIMIT = 50_000;

    /** One change: the row's fields in {@code names} order; a tombstone carries only its id. */
    record Change(long version, UUID id, FeedKind kind, boolean deleted, String[] names, Object[] values) {

        String token() {
            return version + "." + id + "." + kind.ordinal();
        }
    }

    record Page(long catalogVersion, Currency currency, List<Change> changes, boolean more, String next) {}

    private static final String[] TAX = {"name", "kind", "rate"};
    private static final String[] CATEGORY = {"name", "parentId"};
    private static final String[] ITEM = {
        "name", "description", "categoryId", "taxCategoryId", "unit", "active", "hasImage"
    };
    private static final String[] VARIANT = {"itemId", "name", "sku", "barcode", "priceMinor", "position", "active"};
    private static final String[] STORE_VARIANT = {"priceMinor", "available"};

    private final JdbcClient jdbc;
    private final CatalogVersions versions;
    private final TenantDirectory tenants;

    CatalogFeed(JdbcClient jdbc, CatalogVersions versions, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.tenants = tenants;
    }

    /** An item's image for a device: its type, bytes and when it last changed; empty when none or deleted. */
    public record Image(String contentType, byte[] data, Instant updatedAt) {}

    /**
     * The image of an item of the device's tenant (the feed's {@code hasImage} says which have one; the item's
     * {@code version} changes when its image does). Empty for an unknown or deleted item or one without an image.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('DEVICE')")
    public Optional<Image> image(UUID itemId) {
        UUID tenant = TenantContext.requireTenant();
        return jdbc.sql("""
                        select m.content_type, m.data, m.updated_at from catalog_item_image m
                        join catalog_item i on i.tenant_id = m.tenant_id and i.id = m.item_id
                        where m.tenant_id = ? and m.item_id = ? and not i.deleted""")
                .params(tenant, itemId)
                .query((rs, n) -> new Image(
                        rs.getString(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /**
     * The changes after {@code since} (a version, or the {@code next} token of the previous page) for {@code storeId},
     * at most {@code limit}. A sync from 0 leaves tombstones out: a device starting empty needs no deletions.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('DEVICE')")
    public Page read(UUID storeId, String since, Integer limit) {
        UUID tenant = TenantContext.requireTenant();
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw new InvalidFeedRequestException("limit is between 1 and " + MAX_LIMIT);
        }
        FeedCursor cursor = FeedCursor.parse(since);
        // The version first: a change committed after this read shows up now or on the next sync, never neither.
        long current = versions.current(tenant).version();
        if (cursor.version() > current) {
            throw new FeedAheadException(cursor.version(), current);
        }
        boolean full = cursor.version() == 0 && cursor.id() == null;
        int fetch = pageSize + 2;
        List<Change> all = new ArrayList<>();
        // Variants are most of any catalog: read them first, and read the other tables only up to the last variant
        // read when that read was full, since nothing after it can make this page.
        boolean anyFull = read(all, FeedKind.VARIANT, VARIANT, """
                select catalog_version, id, deleted, item_id, name, sku, barcode, price_minor, position, active
                from catalog_variant
                where tenant_id = ? and (catalog_version, id) >= (?, ?) and (? or not deleted) %s
                order by catalog_version, id limit ?""", fetch, tenant, cursor, full, null, null);
        Change bound = anyFull ? all.getLast() : null;
        anyFull |= read(all, FeedKind.TAX_CATEGORY, TAX, """
                select catalog_version, id, deleted, name, kind, rate from tax_category
                where tenant_id = ? and (catalog_version, id) >= (?, ?) and (? or not deleted) %s
                order by catalog_version, id limit ?""", fetch, tenant, cursor, full, null, bound);
        anyFull |= read(all, FeedKind.CATEGORY, CATEGORY, """
                select catalog_version, id, deleted, name, parent_id from catalog_category
                where tenant_id = ? and (catalog_version, id) >= (?, ?) and (? or not deleted) %s
                order by catalog_version, id limit ?""", fetch, tenant, cursor, full, null, bound);
        anyFull |= read(all, FeedKind.ITEM, ITEM, """
                select catalog_version, id, deleted, name, description, category_id, tax_category_id, unit, active,
                       has_image
                from catalog_item
                where tenant_id = ? and (catalog_version, id) >= (?, ?) and (? or not deleted) %s
                order by catalog_version, id limit ?""", fetch, tenant, cursor, full, null, bound);
        anyFull |= read(all, FeedKind.STORE_VARIANT, STORE_VARIANT, """
                select catalog_version, variant_id, deleted, price_minor, available from catalog_store_variant
                where tenant_id = ? and store_id = ? and (catalog_version, variant_id) >= (?, ?)
                  and (? or not deleted) %s
                order by catalog_version, variant_id limit ?""", fetch, tenant, cursor, full, storeId, bound);
        List<Change> after = after(all, cursor);
        boolean more = after.size() > pageSize || anyFull;
        List<Change> page = after.size() > pageSize ? after.subList(0, pageSize) : after;
        String next;
        if (more) {
            next = page.isEmpty() ? cursor.token() : page.getLast().token();
        } else {
            long last = page.isEmpty() ? cursor.version() : page.getLast().version();
            next = Long.toString(Math.max(current, last));
        }
        return new Page(current, tenants.current().currency(), page, more, next);
    }

    /** The changes strictly after the cursor, in feed order: version, id, then kind. */
    private static List<Change> after(List<Change> all, FeedCursor cursor) {
        List<Change> after = new ArrayList<>(all.size());
        for (Change change : all) {
            if (cursor.before(change.version(), change.id(), change.kind().ordinal())) {
                after.add(change);
            }
        }
        after.sort(Comparator.comparingLong(Change::version)
                .thenComparing(Change::id, FeedCursor::compare)
                .thenComparing(c -> c.kind().ordinal()));
        return after;
    }

    /** Each query's "(? or not deleted)" takes true when tombstones are wanted, i.e. for every sync but one from 0. */
    private boolean read(
            List<Change> into,
            FeedKind kind,
            String[] names,
            String sql,
            int fetch,
            UUID tenant,
            FeedCursor cursor,
            boolean full,
            UUID storeId,
            Change upTo) {
        List<Object> params = new ArrayList<>();
        params.add(tenant);
        if (storeId != null) {
            params.add(storeId);
        }
        params.add(cursor.fromVersion());
        params.add(cursor.fromId());
        params.add(!full);
        String idColumn = kind == FeedKind.STORE_VARIANT ? "variant_id" : "id";
        if (upTo != null) {
            params.add(upTo.version());
            params.add(upTo.id());
        }
        params.add(fetch);
        String query = sql.formatted(upTo == null ? "" : "and (catalog_version, " + idColumn + ") <= (?, ?)");
        List<Change> rows = jdbc.sql(query)
                .params(params)
                .query((rs, n) -> change(rs, kind, names))
                .list();
        into.addAll(rows);
        return rows.size() >= fetch;
    }

    private static Change change(ResultSet rs, FeedKind kind, String[] names) throws SQLException {
        long version = rs.getLong(1);
        UUID id = rs.getObject(2, UUID.class);
        boolean deleted = rs.getBoolean(3);
        Object[] values = new Object[names.length];
        if (!deleted) {
            for (int i = 0; i < names.length; i++) {
                values[i] = rs.getObject(4 + i);
            }
        }
        return new Change(version, id, kind, deleted, names, values);
    }

    static int fractionDigits(Currency currency) {
        return CurrencyUnits.fractionDigits(currency);
    }
}
