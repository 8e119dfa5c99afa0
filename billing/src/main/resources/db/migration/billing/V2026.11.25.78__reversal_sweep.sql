-- The reversal sweeper (id.lapak.billing.sale.ReversalSweeper) retries the reversal of REVERSAL_PENDING sales.
-- When the last unconfirmed retry was, so a sale is not retried again within the grace period and a long queue is
-- worked through oldest attempt first; and when support was warned about a sale stuck for too long, so the warning
-- is raised once across the cluster.
alter table sale
    add column reversal_attempted_at timestamptz,
    add column reversal_warned_at    timestamptz;

-- The sweeper's cross-tenant look-up every minute reads this small partial index instead of the whole sale table.
create index sale_tenant_reversal_pending on sale (tenant_id, id) where status = 'REVERSAL_PENDING';
