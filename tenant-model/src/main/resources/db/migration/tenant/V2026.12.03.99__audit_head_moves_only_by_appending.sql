-- The head of an audit chain moves only by appending: the application role may no longer UPDATE audit_chain_head,
-- it calls app_audit_advance_head, which moves the head one step and only onto the entry just written (the next
-- sequence number, linking to the current head). A forged head (rewinding a chain, or pointing past its entries)
-- cannot be written by lapak_app.
create function app_audit_advance_head(p_chain text, p_seq bigint, p_hash bytea) returns void
    language plpgsql security definer set search_path = ${schema}, pg_temp
as $$
begin
    update audit_chain_head h set last_seq = p_seq, last_hash = p_hash
    where h.chain_key = p_chain and h.last_seq = p_seq - 1
      and exists (select 1 from audit_entry e
                  where e.chain_key = p_chain and e.seq = p_seq and e.hash = p_hash
                    and e.prev_hash is not distinct from h.last_hash);
    if not found then
        raise exception 'The audit chain % cannot move to entry %', p_chain, p_seq using errcode = '23514';
    end if;
end $$;

revoke all on function app_audit_advance_head(text, bigint, bytea) from public;
grant execute on function app_audit_advance_head(text, bigint, bytea) to ${app_role};
revoke update on audit_chain_head from ${app_role};
-- Appends lock the head row (select ... for update), which PostgreSQL allows only with UPDATE on some column: a
-- column that means nothing is the only one the application role may update.
alter table audit_chain_head add column lock_marker smallint not null default 0;
grant update (lock_marker) on audit_chain_head to ${app_role};
