-- Why, when and by whom a tenant was suspended (support console). Cleared again on reactivation; the full history
-- stays in the audit log.
alter table tenant add column suspended_reason text check (length(suspended_reason) between 1 and 500);
alter table tenant add column suspended_at timestamptz;
alter table tenant add column suspended_by text;
