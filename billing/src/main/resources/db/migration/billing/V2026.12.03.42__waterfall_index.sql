-- The waterfall of a store's day reads the day's money-moving operations by the time they were recorded, chargebacks
-- included (payment_operation_settleable's predicate leaves them out, so the planner could not use it and read the
-- tenant's whole history: seconds for two years of sales).
create index payment_operation_completed on payment_operation (tenant_id, completed_at) where status = 'SUCCEEDED';
