-- Kefu schema, version 17: row-level security, the second wall between tenants (PostgreSQL only).
--
-- EclipseLink adds "tenant_id = ?" to every query of a tenant-owned entity; this makes PostgreSQL add it as well,
-- to every statement on every table that has a tenant_id column, native SQL and a forgotten predicate included.
-- The application names the tenant of each transaction on its connection (TenantPersistence):
--     SELECT set_config('kefu.tenant_id', '42', true)      -- true: until the transaction ends, never longer
-- A statement on a tenant table in a transaction that named neither a tenant nor a reach (below) fails loudly
-- ("no tenant named"), rather than finding nothing: a read that slipped outside its tenant's transaction (a lazy
-- load after the commit, say) shows up as the error it is instead of as an empty list.
--
-- FORCE, because the application's role owns these tables (it runs the migrations): without it the owner would
-- pass every policy. The role must be neither a superuser nor BYPASSRLS (superusers pass every policy, FORCE or
-- not); the portal's readiness check says DOWN otherwise (RowSecurity).
--
-- The few places that legitimately read across tenants name a "reach" for their transaction, as narrow as the
-- work needs (io.kefu.tenancy.control.Reach, set only by the boundaries listed in .cross-tenant-allowlist):
--     SELECT set_config('kefu.reach', 'mail', true)
--   accounts  a person's memberships in every tenant (their workplaces; whether they still work anywhere): reads
--   mail      the outbox, delivered by one node for every tenant: reads and marks outbound_mail
--   usage     the platform operator's usage figures: reads complaint, attachment and membership, aggregates only
-- A reach adds rows to what the transaction's tenant sees; it never lets anybody insert or delete across tenants.
--
-- A later migration that creates a table with tenant_id calls kefu_isolate('the_table'). A later migration that
-- must read or change rows of every tenant (a data fix) lifts FORCE for its own transaction and puts it back:
--     ALTER TABLE complaint NO FORCE ROW LEVEL SECURITY; UPDATE complaint …; ALTER TABLE complaint FORCE ROW LEVEL SECURITY;
-- (DDL is transactional here and holds an exclusive lock, so no other session ever sees the table without it.)

-- '' once a transaction-local value has ended in this session, NULL before it was ever set: both mean "none".
CREATE FUNCTION kefu_reach() RETURNS TEXT LANGUAGE sql STABLE
    AS $$ SELECT NULLIF(current_setting('kefu.reach', true), '') $$;

CREATE FUNCTION kefu_tenant() RETURNS BIGINT LANGUAGE plpgsql STABLE AS $$
DECLARE
    named TEXT := NULLIF(current_setting('kefu.tenant_id', true), '');
BEGIN
    IF named IS NULL AND kefu_reach() IS NULL THEN
        RAISE EXCEPTION 'no tenant named for this transaction: tenant rows are read and written in a transaction of their tenant'
            USING ERRCODE = 'insufficient_privilege', HINT = 'TenantPersistence names it (kefu.tenant_id)';
    END IF;
    RETURN named::BIGINT;
END
$$;

CREATE FUNCTION kefu_isolate(target REGCLASS) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY tenant_rows ON %s USING (tenant_id = kefu_tenant()) '
            || 'WITH CHECK (tenant_id = kefu_tenant())', target);
END
$$;

-- Every table with a tenant_id column, whichever migration made it.
DO $$
DECLARE
    owned REGCLASS;
BEGIN
    FOR owned IN
        SELECT c.oid::REGCLASS FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = c.oid
         WHERE c.relkind = 'r' AND n.nspname = current_schema() AND a.attname = 'tenant_id' AND NOT a.attisdropped
         ORDER BY c.relname
    LOOP
        PERFORM kefu_isolate(owned);
    END LOOP;
END
$$;

CREATE POLICY accounts_reach ON membership FOR SELECT USING (kefu_reach() IN ('accounts', 'usage'));
CREATE POLICY mail_reach ON outbound_mail FOR SELECT USING (kefu_reach() = 'mail');
CREATE POLICY mail_reach_marks ON outbound_mail FOR UPDATE USING (kefu_reach() = 'mail')
    WITH CHECK (kefu_reach() = 'mail');
CREATE POLICY usage_reach ON complaint FOR SELECT USING (kefu_reach() = 'usage');
CREATE POLICY usage_reach ON attachment FOR SELECT USING (kefu_reach() = 'usage');
