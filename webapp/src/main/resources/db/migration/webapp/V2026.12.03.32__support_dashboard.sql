-- The support dashboard reads the last 24 hours of sales of every tenant (through the platform role); without an
-- index on the time of sale alone that is a scan of every tenant's history.
create index if not exists sale_sold_at_platform on sale (sold_at);
