package id.lapak.reports;

/**
 * The one definition of report figures in SQL: each level's select over the sales of a set of store days (a CTE
 * named {@code days} with {@code store_id, day, time_zone, lo, hi}, where {@code [lo, hi)} are the instants of the
 * store's local day). The rollup job inserts exactly these rows into the rollup tables, and reports compute the
 * days not rolled up yet with the same text, so the two can never disagree.
 */
final class ReportFacts {

    private ReportFacts() {}

    /**
     * The shape of the rollups this code writes and reads ({@code report_day.version}). A store day rolled by an
     * older shape is read from the sales and rolled again by the job; raise it whenever a level or measure changes.
     */
    static final int VERSION = 2;

    /** The rollup tables and the grain of their rows. */
    enum Level {
        /** One row a store day: the period totals (the dashboard's figures) without reading finer rows. */
        TOTAL("report_total", "", ""),
        HOUR("report_hour", "hour", "extract(hour from s.sold_at at time zone d.time_zone)::smallint as hour"),
        MIX(
                "report_mix",
                "device_id, brand, entry_mode, offline, cashier_code, cashier_name",
                "s.device_id, coalesce(s.card_brand, '') as brand, s.entry_mode, s.offline, "
                        + "coalesce(s.cashier_code, '') as cashier_code, coalesce(s.cashier_name, '') as cashier_name"),
        ITEM("report_item", "variant_id", "l.variant_id");

        final String table;
        final String keys;
        final String keySelect;

        Level(String table, String keys, String keySelect) {
            this.table = table;
            this.keys = keys;
            this.keySelect = keySelect;
        }

        /** The level's key columns, each prefixed and followed by ", " (empty for {@link #TOTAL}). */
        String keyList(String prefix) {
            return keys.isEmpty() ? "" : prefix + keys.replace(", ", ", " + prefix) + ", ";
        }

        /** The key columns' positions in {@link #select}'s output for its group by, e.g. "3, 4, ". */
        String keyPositions() {
            StringBuilder positions = new StringBuilder();
            int count = keys.isEmpty() ? 0 : keys.split(", ").length;
            for (int i = 0; i < count; i++) {
                positions.append(3 + i).append(", ");
            }
            return positions.toString();
        }

        /** The measure columns of the level's table, in order. */
        String measures() {
            return switch (this) {
                case HOUR -> SALE_MEASURES;
                case TOTAL, MIX -> SALE_MEASURES + ", fee_minor, fee_ppn_minor";
                case ITEM -> ITEM_MEASURES;
            };
        }
    }

    static final String SALE_MEASURES = "attempts, approved, declined, captured_count, refund_count, captured_minor, "
            + "refunded_minor, tip_minor, tax_minor, discount_minor";

    static final String ITEM_MEASURES = "quantity, returned_quantity, gross_minor, tax_minor, returned_minor";

    private static final String SALE_SUMS = """
            count(*)::int,
            (count(*) filter (where s.status in ('AUTHORIZED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED',
                                                 'VOIDED')))::int,
            (count(*) filter (where s.status = 'DECLINED'))::int,
            (count(*) filter (where s.captured_minor > 0))::int,
            (count(*) filter (where s.refunded_minor > 0))::int,
            coalesce(sum(s.captured_minor), 0),
            coalesce(sum(s.refunded_minor), 0),
            coalesce(sum(s.tip_minor) filter (where s.captured_minor > 0), 0),
            coalesce(sum(s.tax_minor) filter (where s.captured_minor > 0 and s.status <> 'REFUNDED'), 0),
            coalesce(sum(s.discount_minor) filter (where s.captured_minor > 0), 0)""";

    /**
     * The level's rows ({@code store_id, day, <keys>, currency, <measures>}) for the sales of {@code days} that
     * match {@code saleCondition} (extra SQL on {@code s}, e.g. a device; empty for none).
     */
    static String select(Level level, String saleCondition) {
        // Lateral with "offset 0": each store day reads its own range of the (tenant, store, sold_at) index, never
        // the tenant's whole history. Without the fence PostgreSQL pulls a simple lateral subquery up into a plain
        // join and may hash every sale of the tenant against the days (explain analyze: 20,000 sales read for the
        // 20 store days of today; a year's report compared every sale with every store day). A day that has not
        // ended has no settlement lines yet (a day is closed after it ended), so its sales skip the fee probe.
        String from = """
                from days d
                cross join lateral (
                    select * from sale s
                    where s.tenant_id = :tenant and s.store_id = d.store_id and s.sold_at >= d.lo and s.sold_at < d.hi""" + saleCondition + (level == Level.ITEM ? " and s.captured_minor > 0" : "") + " offset 0) s";
        String head =
                "select d.store_id, d.day, " + (level.keys.isEmpty() ? "" : level.keySelect + ", ") + "s.currency, ";
        String group = "\ngroup by d.store_id, d.day, " + level.keyPositions() + "s.currency";
        return switch (level) {
            case HOUR -> head + SALE_SUMS + "\n" + from + group;
            case TOTAL, MIX -> head + SALE_SUMS + """
                    ,
                    coalesce(sum(f.fee), 0), coalesce(sum(f.ppn), 0)
                    """ + from + """

                    left join lateral (select sum(l.fee_minor) as fee, sum(l.ppn_minor) as ppn from settlement_line l
                                       where d.hi <= now() and l.tenant_id = s.tenant_id and l.sale_id = s.id) f on true""" + group;
            case ITEM ->
                head + "sum(l.quantity), sum(l.returned_quantity), sum(l.total_minor), sum(l.tax_minor), "
                        + "sum(l.total_minor * l.returned_quantity / l.quantity)\n" + from
                        + "\njoin sale_line l on l.tenant_id = s.tenant_id and l.sale_id = s.id" + group;
        };
    }
}
