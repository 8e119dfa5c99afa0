package id.lapak.catalog.customers;

import java.time.Instant;

/**
 * What a customer spent in one currency, computed from the purchase rows: sales minus refunds, the number of sales
 * (visits), the last sale and the average sale before refunds. Never stored, never typed in.
 */
public record CustomerFigures(
        String currency, long totalSpentMinor, long visits, Instant lastVisit, long averageBasketMinor) {}
