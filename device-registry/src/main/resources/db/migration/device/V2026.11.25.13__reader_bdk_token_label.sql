-- BDKs kept in a PKCS#11 token (docs/decisions/0010-reader-key-store.md): the row names the token object by its
-- label and holds no wrapped key. Exactly one of the two is set.
alter table reader_bdk alter column wrapped_key drop not null;
alter table reader_bdk add column token_label text;
alter table reader_bdk add constraint reader_bdk_one_key_home
    check ((wrapped_key is null) <> (token_label is null));
